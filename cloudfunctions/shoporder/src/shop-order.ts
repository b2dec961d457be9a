import type { ShopOrderDetail } from '../../../miniprogram/contracts';
import { requireShopRole } from '../../../server/auth';
import { notFound } from '../../../server/failure';
import type { CallContext } from '../../../server/handler';
import type { OrderDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { shopOrderDetail } from './views';

/**
 * The caller's shop order: owner or staff of `shopId` (read mode: a suspended shop still serves
 * its open orders, so shipping and notes stay allowed), and the order must be that shop's; another
 * shop's order is NOT_FOUND, exactly like a missing one.
 */
export async function shopOrder(ctx: CallContext, shopId: string, orderId: string): Promise<OrderDoc> {
  await requireShopRole(ctx, shopId, ['owner', 'staff'], 'read');
  const order = await repo.get('orders', orderId);
  return order && order.shopId === shopId ? order : notFound('订单');
}

export async function detailOf(order: OrderDoc, now: number): Promise<ShopOrderDetail> {
  const [refund, afterSales] = await Promise.all([
    order.refundId ? repo.get('refunds', order.refundId) : Promise.resolve(null),
    repo.find('after_sales', { orderId: order._id }, { limit: 50 }),
  ]);
  return shopOrderDetail(order, refund, afterSales, now);
}
