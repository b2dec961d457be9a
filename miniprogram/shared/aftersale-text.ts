/** Words and routes for after-sale and shop order pages. */
import type { AfterSaleStatus, AfterSaleType, AfterSaleView } from '../contracts';
import { formatFen } from '../services/format';
import { formatDateTime } from './time-text';

export const AFTER_SALE_STATUS_TEXT: Record<AfterSaleStatus, string> = {
  requested: '待商家处理',
  awaiting_return: '待寄回商品',
  returning: '商品寄回中',
  refunding: '退款中',
  refunded: '退款成功',
  rejected: '商家已拒绝',
  cancelled: '已撤销',
};

export const AFTER_SALE_TYPE_TEXT: Record<AfterSaleType, string> = { refund_only: '仅退款', return_refund: '退货退款' };

const EVENT_TEXT: Record<string, string> = {
  apply: '提交售后申请',
  approveRefund: '商家同意退款',
  approveReturn: '商家同意退货，请寄回商品',
  submitReturn: '已寄回商品',
  confirmReturn: '商家已收到退货',
  refundDone: '退款成功',
  reject: '商家拒绝了申请',
  cancel: '已撤销申请',
};

/** The progress steps of a request, for t-steps: the labels and the current index. */
export function progressOf(a: Pick<AfterSaleView, 'type' | 'status'>): { steps: string[]; current: number } {
  const steps = a.type === 'refund_only' ? ['提交申请', '商家处理', '退款中', '退款成功'] : ['提交申请', '商家处理', '寄回商品', '商家收货', '退款成功'];
  const order: Partial<Record<AfterSaleStatus, number>> =
    a.type === 'refund_only' ? { requested: 1, refunding: 2, refunded: 3 } : { requested: 1, awaiting_return: 2, returning: 3, refunding: 3, refunded: 4 };
  return { steps, current: order[a.status] ?? 1 };
}

export interface AfterSaleCardView {
  id: string;
  orderId: string;
  statusText: string;
  typeText: string;
  amountText: string;
  title: string;
  coverUrl: string;
  linesText: string;
  timeText: string;
  waiting: boolean;
}

export function toAfterSaleCard(a: AfterSaleView): AfterSaleCardView {
  const first = a.lines[0];
  return {
    id: a.id,
    orderId: a.orderId,
    statusText: AFTER_SALE_STATUS_TEXT[a.status],
    typeText: AFTER_SALE_TYPE_TEXT[a.type],
    amountText: formatFen(a.amountFen),
    title: first ? first.title : '',
    coverUrl: first ? first.coverUrl : '',
    linesText: a.lines.length > 1 ? `等${a.lines.length}件商品` : `×${first ? first.quantity : 0}`,
    timeText: formatDateTime(a.createdAt),
    waiting: a.status === 'requested' || a.status === 'returning',
  };
}

export interface AfterSaleDetailView {
  id: string;
  orderId: string;
  status: AfterSaleStatus;
  statusText: string;
  typeText: string;
  amountText: string;
  shippingText: string;
  reason: string;
  description: string;
  photos: string[];
  rejectReason: string;
  shopNote: string;
  returnText: string;
  lines: Array<{ key: string; title: string; specText: string; coverUrl: string; quantity: number; amountText: string }>;
  history: Array<{ key: string; text: string; timeText: string }>;
  steps: string[];
  current: number;
  canCancel: boolean;
  canSubmitReturn: boolean;
  canApprove: boolean;
  canConfirmReturn: boolean;
}

export function toAfterSaleDetail(a: AfterSaleView): AfterSaleDetailView {
  const { steps, current } = progressOf(a);
  return {
    id: a.id,
    orderId: a.orderId,
    status: a.status,
    statusText: AFTER_SALE_STATUS_TEXT[a.status],
    typeText: AFTER_SALE_TYPE_TEXT[a.type],
    amountText: formatFen(a.amountFen),
    shippingText: a.shippingFen ? `含运费 ${formatFen(a.shippingFen)}` : '',
    reason: a.reason,
    description: a.description,
    photos: a.photos,
    rejectReason: a.rejectReason ?? '',
    shopNote: a.shopNote ?? '',
    returnText: a.returnLogistics ? `${a.returnLogistics.carrier} ${a.returnLogistics.trackingNo}` : '',
    lines: a.lines.map((l) => ({ key: `${l.lineIndex}`, title: l.title, specText: l.specText, coverUrl: l.coverUrl, quantity: l.quantity, amountText: formatFen(l.amountFen) })),
    history: a.history.map((h, i) => ({ key: `${i}`, text: EVENT_TEXT[h.event] ?? h.event, timeText: formatDateTime(h.at) })).reverse(),
    steps,
    current,
    canCancel: a.actions.includes('cancel'),
    canSubmitReturn: a.actions.includes('submitReturn'),
    canApprove: a.actions.includes('approve'),
    canConfirmReturn: a.actions.includes('confirmReturn'),
  };
}

function withQuery(path: string, query: Record<string, string>): string {
  return `${path}?${Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** URLs of the after-sale and shop order pages. */
export const AFTER_SALE_ROUTES = {
  apply: (orderId: string, lineIndex?: number) => withQuery('/packages/order/aftersale-apply/index', lineIndex === undefined ? { orderId } : { orderId, line: String(lineIndex) }),
  detail: (id: string) => withQuery('/packages/order/aftersale-detail/index', { id }),
  list: () => '/packages/order/aftersale-list/index',
  review: (orderId: string) => withQuery('/packages/order/review/index', { orderId }),
  shopOrders: (shopId: string) => withQuery('/packages/shop/orders/index', { shopId }),
  shopOrderDetail: (shopId: string, orderId: string) => withQuery('/packages/shop/order-detail/index', { shopId, orderId }),
  shopAfterSales: (shopId: string) => withQuery('/packages/shop/aftersales/index', { shopId }),
  shopAfterSaleDetail: (shopId: string, id: string) => withQuery('/packages/shop/aftersale-detail/index', { shopId, id }),
} as const;
