import { notFound } from '../../../../server/failure';
import type { OrderDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';

/** The caller's order; another shopper's order is indistinguishable from a missing one. */
export async function ownOrder(openid: string, orderId: string): Promise<OrderDoc> {
  const order = await repo.get('orders', orderId);
  return order && order.openid === openid ? order : notFound('订单');
}
