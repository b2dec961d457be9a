import type { OrderDetail } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { fullAddress } from '../../../shared/address-text';
import { ORDER_STATUS_TEXT, orderEventText } from '../../../shared/order-text';
import { toOrderLineView, type OrderLineView } from '../../../shared/order-view';
import { formatDateTime } from '../../../shared/time-text';

export interface OrderDetailView {
  id: string;
  paymentId: string;
  status: OrderDetail['status'];
  statusText: string;
  /** A line under the status, e.g. why it was cancelled or when it confirms itself. */
  statusHint: string;
  /** Pending payment only: the pay deadline, for the countdown. */
  payDeadline: number;
  addressPerson: string;
  addressText: string;
  shopName: string;
  lines: OrderLineView[];
  goodsText: string;
  shippingText: string;
  discountText: string;
  payText: string;
  remark: string;
  infos: Array<{ label: string; value: string }>;
  history: Array<{ key: string; text: string; timeText: string }>;
  canPay: boolean;
  canCancel: boolean;
  canConfirm: boolean;
  /** After-sale requests may be made now (per line). */
  canAfterSale: boolean;
  /** Completed: the shopper may write a review. */
  canReview: boolean;
  /** Shipped or completed with logistics: the logistics card. */
  logistics: { carrier: string; trackingNo: string; shippedText: string } | null;
}

const REFUND_TEXT = { pending: '退款待处理', processing: '退款处理中', succeeded: '退款成功', failed: '退款失败，请联系商家' } as const;

function statusHint(order: OrderDetail): string {
  switch (order.status) {
    case 'paid':
      return '商家正在备货，请耐心等待';
    case 'shipped':
      return order.autoConfirmAt ? `${formatDateTime(order.autoConfirmAt)} 将自动确认收货` : '商品正在路上';
    case 'completed':
      return '交易完成，感谢你的购买';
    case 'cancelled':
      return order.cancelReason ? `取消原因：${order.cancelReason}` : '订单已取消';
    case 'closed':
      // closed by after-sale refunds of every line: no order refund, the reason says why
      return order.refund ? `${REFUND_TEXT[order.refund.status]} ${formatFen(order.refund.amountFen)}` : order.cancelReason || '订单已关闭';
    default:
      return '';
  }
}

function infos(order: OrderDetail): Array<{ label: string; value: string }> {
  const rows = [
    { label: '订单编号', value: order.id },
    { label: '下单时间', value: formatDateTime(order.createdAt) },
  ];
  if (order.paidAt) rows.push({ label: '支付时间', value: formatDateTime(order.paidAt) });
  if (order.logistics) rows.push({ label: '物流信息', value: `${order.logistics.carrier} ${order.logistics.trackingNo}` });
  if (order.remark) rows.push({ label: '订单备注', value: order.remark });
  return rows;
}

export function toOrderDetailView(order: OrderDetail): OrderDetailView {
  return {
    id: order.id,
    paymentId: order.paymentId,
    status: order.status,
    statusText: ORDER_STATUS_TEXT[order.status],
    statusHint: statusHint(order),
    payDeadline: order.payDeadline,
    addressPerson: `${order.address.name} ${order.address.phone}`,
    addressText: fullAddress(order.address),
    shopName: order.shopName,
    lines: order.lines.map(toOrderLineView),
    goodsText: formatFen(order.goodsFen),
    shippingText: order.shippingFen ? formatFen(order.shippingFen) : '包邮',
    discountText: `-${formatFen(order.discountFen)}`,
    payText: formatFen(order.payFen),
    remark: order.remark,
    infos: infos(order),
    history: order.history
      .map((event, index) => ({ key: `${index}`, text: orderEventText(event.event, event.note), timeText: formatDateTime(event.at) }))
      .reverse(),
    canPay: order.actions.includes('pay'),
    canCancel: order.actions.includes('cancel'),
    canConfirm: order.actions.includes('confirm'),
    canAfterSale: (order.afterSaleTypes ?? []).length > 0,
    canReview: order.status === 'completed',
    logistics:
      order.logistics && (order.status === 'shipped' || order.status === 'completed')
        ? { carrier: order.logistics.carrier, trackingNo: order.logistics.trackingNo, shippedText: order.shippedAt ? formatDateTime(order.shippedAt) : '' }
        : null,
  };
}

/** What the confirmation dialog asks before an action that cannot be undone. */
export function confirmationOf(action: 'cancel' | 'confirm', status: OrderDetail['status']): { title: string; content: string } {
  if (action === 'confirm') return { title: '确认收货', content: '请确认已收到全部商品，确认后订单完成。' };
  if (status === 'paid') return { title: '取消订单', content: '订单已支付，取消后将全额退款，确定取消吗？' };
  return { title: '取消订单', content: '确定要取消这个订单吗？取消后使用的优惠券将退回。' };
}
