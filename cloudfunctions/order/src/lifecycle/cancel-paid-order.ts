/**
 * The shopper cancels a paid order before it ships: in one transaction the order moves
 * paid → closed and a refund of what this order paid (`payFen`; a partial refund of the payment,
 * whose other orders go on) is recorded. After the commit the stock goes back, coupons come back
 * when every order that used them is closed (see release.ts), and the refund is submitted to
 * WeChat Pay (retried by the payment function's timer if that fails). An order with after-sale
 * requests (see the aftersale function) cannot be cancelled this way: AFTER_SALE_STATE_INVALID.
 */
import { checkRefundAmount, orderMachine } from '../../../../domain';
import { withEvent } from '../../../../server/checkout/history';
import { cancelRefundId, newRefund, submitRefund } from '../../../../server/checkout/refunds';
import { subMchId } from '../../../../server/checkout/wx-pay';
import { fail } from '../../../../server/failure';
import { logEvent } from '../../../../server/log';
import type { OrderDoc } from '../../../../server/model';
import { inTransaction, repo } from '../../../../server/repo';
import { finishRelease } from './release';

async function refundedSoFar(paymentId: string): Promise<number> {
  const refunds = await repo.find('refunds', { paymentId }, { limit: 50, fields: { amountFen: true, status: true } });
  return refunds.reduce((sum, r) => sum + r.amountFen, 0);
}

export async function cancelPaidOrder(order: OrderDoc, o: { reason: string; by: string; now: number }): Promise<void> {
  subMchId(); // the refund needs it: a missing WeChat Pay setting fails here, before any change
  const payment = (await repo.get('payments', order.paymentId)) ?? fail('INTERNAL', `payment ${order.paymentId} missing`);
  const amount = checkRefundAmount({ paidFen: payment.totalFen, alreadyRefundedFen: await refundedSoFar(payment._id), requestedFen: order.payFen });
  if (!amount.ok) fail('ORDER_STATE_INVALID', '该订单已退款');
  const refund = newRefund({ id: cancelRefundId(order._id), paymentId: payment._id, orderId: order._id, openid: order.openid, totalFen: payment.totalFen, amountFen: order.payFen, reason: 'cancel_paid', now: o.now });

  const closed = await inTransaction(async (tx) => {
    const current = await tx.get('orders', order._id);
    const next = current && orderMachine.next(current.status, 'cancelPaid');
    if (!current || !next || !next.ok) return null;
    // after-sale refunds already hold part of this order: a full refund on top would pay twice
    if (current.afterSaleClaims?.length) return 'after_sale' as const;
    const at = new Date(o.now);
    const patch = { status: next.value, cancelledAt: at, cancelReason: o.reason.slice(0, 100), refundId: refund._id, updatedAt: at, history: withEvent(current.history, 'cancelPaid', o.now, { by: o.by, note: o.reason }) };
    await tx.update('orders', order._id, patch);
    await tx.insert('refunds', refund);
    return { ...current, ...patch };
  });
  if (closed === 'after_sale') return fail('AFTER_SALE_STATE_INVALID', '该订单已申请售后，请在售后中处理退款');
  if (!closed) return fail('ORDER_STATE_INVALID', '订单已发货或状态已变化，无法取消');
  logEvent('order_closed_refunding', { orderId: order._id, refundId: refund._id, amountFen: refund.amountFen });
  await finishRelease(closed!, o.now);
  await submitRefund(refund, o.now);
}
