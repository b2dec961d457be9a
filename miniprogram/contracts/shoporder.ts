/**
 * Orders as a shop serves them (function `shoporder`): its own orders by state, the detail with the
 * buyer's address for shipping, shipping with carrier and tracking number, and a merchant note.
 * Every action names the shop (`shopId`) and needs the caller to be its owner or staff; a
 * suspended shop keeps all of them (it still serves its open orders). Another shop's order is
 * NOT_FOUND.
 */
import type { Page, PageRequest } from './common';
import type { OrderDetail, OrderSummary } from './order';

/** The shop's order tabs: `cancelled` also shows closed (refunded) orders. */
export type ShopOrderFilter = 'all' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'pending_payment';

/** Carriers the ship form offers; any other name (1..30 characters) is accepted too. */
export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '京东物流', '邮政EMS', '极兔速递'] as const;

export interface ShopOrderSummary extends OrderSummary {
  /** The buyer's name (from the address), for the list. */
  buyerName: string;
  /** After-sale requests of this order still open. */
  openAfterSales: number;
}

export interface ShopOrderDetail extends Omit<OrderDetail, 'actions'> {
  buyerName: string;
  merchantNote: string;
  /** What the shop can do now. */
  actions: Array<'ship' | 'note'>;
  /** Per line (same order as `lines`): units and money whose refund was issued by after-sales; ship only the rest. */
  lineRefunds: Array<{ quantity: number; amountFen: number }>;
  /** The order's after-sale requests, newest first. */
  afterSales: Array<{ id: string; status: string; type: 'refund_only' | 'return_refund'; amountFen: number; createdAt: number }>;
}

export interface ShopOrderApi {
  list: { payload: PageRequest & { shopId: string; status?: ShopOrderFilter }; result: Page<ShopOrderSummary> };
  detail: { payload: { shopId: string; orderId: string }; result: ShopOrderDetail };
  ship: { payload: { shopId: string; orderId: string; carrier: string; trackingNo: string }; result: ShopOrderDetail };
  note: { payload: { shopId: string; orderId: string; note: string }; result: ShopOrderDetail };
}

