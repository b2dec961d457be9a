import type { OrderDetail } from '../../../../miniprogram/contracts';
import type { ActionDef } from '../../../../server/handler';
import { id, obj } from '../../../../server/input';
import type { OrderDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { detailView } from '../views/order-views';
import { ownOrder } from '../views/own-order';

export async function detailOf(order: OrderDoc, now: number): Promise<OrderDetail> {
  const refund = order.refundId ? await repo.get('refunds', order.refundId) : null;
  return detailView(order, refund, now);
}

export const detail: ActionDef<{ orderId: string }, OrderDetail> = {
  input: obj({ orderId: id }, ['orderId']),
  async run(input, ctx) {
    return detailOf(await ownOrder(ctx.openid, input.orderId), ctx.now);
  },
};
