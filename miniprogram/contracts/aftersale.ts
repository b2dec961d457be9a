/**
 * After-sale requests (function `aftersale`): the shopper asks for money back on some lines of an
 * order (refund only, or return and refund), per line and for part of a line's amount; the shop
 * approves or rejects; return shipping is tracked; the refund goes through cloudPay.refund.
 * States and rules: domain/aftersale. Shopper actions act on the caller's own requests (another
 * shopper's is NOT_FOUND); shop actions name the shop and need its owner or staff (a suspended shop
 * keeps them: it still serves its open orders).
 */
import type { Page, PageRequest } from './common';

export type AfterSaleType = 'refund_only' | 'return_refund';
export type AfterSaleStatus = 'requested' | 'awaiting_return' | 'returning' | 'refunding' | 'refunded' | 'rejected' | 'cancelled';

/** Reasons the apply form offers. */
export const AFTER_SALE_REASONS = ['不想要了', '商品与描述不符', '质量问题', '少件/漏发', '商品破损', '发错货', '未按约定时间发货', '其他'] as const;

export interface AfterSaleLineInput {
  lineIndex: number;
  quantity: number;
  /** Omit for the most allowed; more than allowed is REFUND_AMOUNT_EXCEEDED. */
  amountFen?: number;
}

export interface AfterSaleApplyInput {
  orderId: string;
  type: AfterSaleType;
  lines: AfterSaleLineInput[];
  reason: string;
  description?: string;
  /** Photos: `cloud://` fileIDs of private uploads in the shopper's own folder `private/aftersale/<OPENID>/`, at most 9. */
  photos?: string[];
}

export interface AfterSaleLine {
  lineIndex: number;
  skuId: string;
  goodsId: string;
  title: string;
  specText: string;
  coverUrl: string;
  quantity: number;
  amountFen: number;
}

export interface AfterSaleView {
  id: string;
  orderId: string;
  shopId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  lines: AfterSaleLine[];
  shippingFen: number;
  amountFen: number;
  reason: string;
  description: string;
  /** Temp links to the photos (about an hour), issued only to the buyer and the shop's staff. */
  photos: string[];
  rejectReason?: string;
  shopNote?: string;
  returnLogistics?: { carrier: string; trackingNo: string };
  refund?: { status: 'pending' | 'processing' | 'succeeded' | 'failed' };
  history: Array<{ event: string; at: number; note?: string }>;
  createdAt: number;
  updatedAt: number;
  /** What the viewer (shopper or shop) can do now. */
  actions: Array<'cancel' | 'submitReturn' | 'approve' | 'reject' | 'confirmReturn'>;
}

/** What the apply form may ask for, line by line (computed on the server). */
export interface RefundableView {
  orderId: string;
  /** Types the order takes now; empty when no after-sale is possible. */
  types: AfterSaleType[];
  lines: Array<{ lineIndex: number; skuId: string; title: string; specText: string; coverUrl: string; quantity: number; maxQuantity: number; maxFen: number; busy: boolean }>;
  /** Shipping refunded when every remaining unit of an unshipped order is asked back. */
  shippingFen: number;
}

export interface AfterSaleApi {
  apply: { payload: AfterSaleApplyInput; result: AfterSaleView };
  mine: { payload: PageRequest; result: Page<AfterSaleView> };
  detail: { payload: { id: string }; result: AfterSaleView };
  cancel: { payload: { id: string }; result: AfterSaleView };
  submitReturn: { payload: { id: string; carrier: string; trackingNo: string }; result: AfterSaleView };
  maxRefundable: { payload: { orderId: string }; result: RefundableView };
  shopList: { payload: PageRequest & { shopId: string; status?: AfterSaleStatus | 'all' }; result: Page<AfterSaleView> };
  shopDetail: { payload: { shopId: string; id: string }; result: AfterSaleView };
  approve: { payload: { shopId: string; id: string; note?: string }; result: AfterSaleView };
  reject: { payload: { shopId: string; id: string; reason: string }; result: AfterSaleView };
  confirmReturn: { payload: { shopId: string; id: string }; result: AfterSaleView };
}
