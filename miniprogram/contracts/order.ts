import type { Page, PageRequest } from './common';
import type { Address } from './user';
import type { UserCouponView } from './coupon';

export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'closed';

/** What the shopper checks out: SKUs and quantities. Prices are never sent; the server looks them up. */
export interface CheckoutItem {
  skuId: string;
  quantity: number;
}

export interface CheckoutRequest {
  items: CheckoutItem[];
  addressId?: string;
  /** Coupons the shopper picked; omit to let the server suggest the best ones (quote only). */
  couponIds?: string[];
  /** True: the items come from the cart, and are removed from it once the order is created. */
  fromCart?: boolean;
}

export interface QuoteLine {
  skuId: string;
  goodsId: string;
  title: string;
  coverUrl: string;
  specText: string;
  unitPriceFen: number;
  quantity: number;
  goodsFen: number;
  discountFen: number;
  payFen: number;
}

export interface QuoteShopOrder {
  shopId: string;
  shopName: string;
  lines: QuoteLine[];
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  payFen: number;
}

export interface CouponOption {
  coupon: UserCouponView;
  usable: boolean;
  /** Why not usable, e.g. "还差¥12.00可用". */
  reason?: string;
  /** The discount it would give alone, when usable. */
  discountFen?: number;
}

export interface Quote {
  orders: QuoteShopOrder[];
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  payFen: number;
  /** The coupons applied in this quote (the picked ones, or the suggested best). */
  appliedCouponIds: string[];
  couponOptions: CouponOption[];
  address: Address | null;
}

export interface CreateOrderRequest extends CheckoutRequest {
  /** Client-generated id for this checkout attempt: resending it returns the same orders. */
  requestId: string;
  addressId: string;
  couponIds: string[];
  /** The total the shopper saw; a different server total fails with PRICE_CHANGED and changes nothing. */
  expectedPayFen: number;
  remark?: string;
}

/** What `wx.requestPayment` needs (from cloudPay.unifiedOrder). */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export interface CreateOrderResult {
  paymentId: string;
  orderIds: string[];
  payFen: number;
  payDeadline: number;
}

/** A line of a placed order: what the quote said, frozen when the order was created. */
export type OrderLine = QuoteLine;

export interface OrderSummary {
  id: string;
  shopId: string;
  shopName: string;
  status: OrderStatus;
  lines: OrderLine[];
  payFen: number;
  totalQuantity: number;
  createdAt: number;
  payDeadline: number;
}

export interface OrderEvent {
  event: string;
  at: number;
  note?: string;
}

export interface OrderDetail extends OrderSummary {
  paymentId: string;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  address: Omit<Address, 'id' | 'isDefault' | 'updatedAt'>;
  remark: string;
  paidAt?: number;
  shippedAt?: number;
  completedAt?: number;
  cancelledAt?: number;
  cancelReason?: string;
  autoConfirmAt?: number;
  logistics?: { carrier: string; trackingNo: string };
  refund?: { status: 'pending' | 'processing' | 'succeeded' | 'failed'; amountFen: number };
  history: OrderEvent[];
  /** What the shopper can do now. */
  actions: Array<'pay' | 'cancel' | 'confirm'>;
  /** After-sale types the order takes now (function aftersale); absent when none. */
  afterSaleTypes?: Array<'refund_only' | 'return_refund'>;
}

export type OrderListFilter = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled';

export interface OrderApi {
  quote: { payload: CheckoutRequest; result: Quote };
  create: { payload: CreateOrderRequest; result: CreateOrderResult };
  list: { payload: PageRequest & { status: OrderListFilter }; result: Page<OrderSummary> };
  detail: { payload: { orderId: string }; result: OrderDetail };
  cancel: { payload: { orderId: string; reason?: string }; result: OrderDetail };
  confirmReceipt: { payload: { orderId: string }; result: OrderDetail };
  counts: { payload: Record<string, never>; result: Record<'pending_payment' | 'paid' | 'shipped', number> };
}
