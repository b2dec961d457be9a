import { callFunction } from './cloud';
import {
  ACTIONS,
  FUNCTIONS,
  type CheckoutRequest,
  type CreateOrderRequest,
  type CreateOrderResult,
  type OrderDetail,
  type OrderListFilter,
  type OrderSummary,
  type Page,
  type Quote,
  type Result,
} from './contracts';

/** Prices a checkout (goods, shipping, coupons) without creating anything. */
export function quoteOrder(request: CheckoutRequest): Promise<Result<Quote>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.quote, request);
}

/** Creates the orders of a checkout; resending the same `requestId` returns the same orders. */
export function createOrder(request: CreateOrderRequest): Promise<Result<CreateOrderResult>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.create, request);
}

export function listOrders(status: OrderListFilter, cursor: string | null, pageSize: number): Promise<Result<Page<OrderSummary>>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.list, cursor ? { status, cursor, pageSize } : { status, pageSize });
}

export function fetchOrder(orderId: string): Promise<Result<OrderDetail>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.detail, { orderId });
}

export function cancelOrder(orderId: string): Promise<Result<OrderDetail>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.cancel, { orderId });
}

export function confirmReceipt(orderId: string): Promise<Result<OrderDetail>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.confirmReceipt, { orderId });
}

/** How many orders wait for payment, shipping and receipt. */
export function fetchOrderCounts(): Promise<Result<Record<'pending_payment' | 'paid' | 'shipped', number>>> {
  return callFunction(FUNCTIONS.order, ACTIONS.order.counts, {});
}
