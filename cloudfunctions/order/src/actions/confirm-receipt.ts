import type { OrderDetail } from '../../../../miniprogram/contracts';
import { orderMachine } from '../../../../domain';
import { withEvent } from '../../../../server/checkout/history';
import { fail } from '../../../../server/failure';
import type { ActionDef } from '../../../../server/handler';
import { id, obj } from '../../../../server/input';
import { repo } from '../../../../server/repo';
import { ownOrder } from '../views/own-order';
import { detailOf } from './detail';

/** The shopper confirms receipt of a shipped order (shipped → completed). */
export const confirmReceipt: ActionDef<{ orderId: string }, OrderDetail> = {
  input: obj({ orderId: id }, ['orderId']),
  async run(input, ctx) {
    const order = await ownOrder(ctx.openid, input.orderId);
    const next = orderMachine.next(order.status, 'confirm');
    if (!next.ok) return fail('ORDER_STATE_INVALID', '订单尚未发货或已完成');
    const at = new Date(ctx.now);
    const moved = await repo.update('orders', order._id, { status: next.value, completedAt: at, updatedAt: at, history: withEvent(order.history, 'confirm', ctx.now, { by: ctx.openid }) }, { status: order.status, openid: ctx.openid });
    if (!moved) fail('ORDER_STATE_INVALID', '订单状态已变化，请刷新');
    return detailOf(await ownOrder(ctx.openid, order._id), ctx.now);
  },
};
