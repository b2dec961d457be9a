/** Words for order states and events, shared by the order pages. */
import type { OrderListFilter, OrderStatus } from '../contracts';

export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  closed: '已关闭',
};

/** The order list's tabs, in display order. */
export const ORDER_TABS: ReadonlyArray<{ value: OrderListFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'pending_payment', label: '待付款' },
  { value: 'paid', label: '待发货' },
  { value: 'shipped', label: '待收货' },
  { value: 'completed', label: '已完成' },
  { value: 'cancelled', label: '已取消' },
];

export function isOrderListFilter(value: unknown): value is OrderListFilter {
  return ORDER_TABS.some((tab) => tab.value === value);
}

const EVENT_TEXT: Record<string, string> = {
  create: '提交订单',
  pay: '支付成功',
  cancel: '订单已取消',
  timeout: '超时未支付，订单已取消',
  cancelPaid: '订单已取消，退款处理中',
  ship: '商家已发货',
  confirm: '已确认收货',
  autoConfirm: '超时自动确认收货',
  refund: '退款成功',
  refundAll: '商品已全部退款，订单关闭',
};

/** What an order history event means to the shopper; an unknown one shows its note, if any. */
export function orderEventText(event: string, note?: string): string {
  return EVENT_TEXT[event] ?? note ?? '订单状态更新';
}
