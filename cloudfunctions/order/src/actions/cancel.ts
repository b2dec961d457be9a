import type { OrderDetail } from '../../../../miniprogram/contracts';
import { orderMachine } from '../../../../domain';
import { fail } from '../../../../server/failure';
import type { ActionDef } from '../../../../server/handler';
import { id, obj } from '../../../../server/input';
import { cancelPaidOrder } from '../lifecycle/cancel-paid-order';
import { closeUnpaidPayment } from '../lifecycle/close-unpaid-payment';
import { ownOrder } from '../views/own-order';
import { detailOf } from './detail';

/**
 * Cancels an order. Unpaid: the whole checkout is cancelled (one WeChat Pay order covers all its
 * orders, so they are paid or cancelled together). Paid but not shipped: this order alone is
 * closed and what it paid is refunded.
 */
export const cancel: ActionDef<{ orderId: string; reason?: string }, OrderDetail> = {
  input: obj({ orderId: id, reason: { type: 'string', maxLength: 100 } }, ['orderId']),
  async run(input, ctx) {
    const order = await ownOrder(ctx.openid, input.orderId);
    const reason = input.reason?.trim() || '买家取消';
    if (orderMachine.can(order.status, 'cancel')) {
      const outcome = await closeUnpaidPayment(order.paymentId, { event: 'cancel', reason, by: ctx.openid, now: ctx.now });
      if (outcome === 'paid') fail('ORDER_STATE_INVALID', '订单已支付，如需取消请再次操作');
      if (outcome === 'paying') fail('ORDER_STATE_INVALID', '订单正在支付中，请稍后再试');
    } else if (orderMachine.can(order.status, 'cancelPaid')) {
      await cancelPaidOrder(order, { reason, by: ctx.openid, now: ctx.now });
    } else {
      fail('ORDER_STATE_INVALID', '当前订单状态不能取消');
    }
    const after = await ownOrder(ctx.openid, input.orderId);
    if (after.status === order.status) fail('ORDER_STATE_INVALID', '订单状态已变化，请刷新');
    return detailOf(after, ctx.now);
  },
};
