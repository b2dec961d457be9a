/**
 * Cancels an unpaid checkout: the payment and ALL its orders together, because one WeChat Pay
 * order covers the whole group (a shopper cancelling one of them cancels its siblings too).
 * Used by the shopper's cancel and by the unpaid-order timer.
 *
 * If WeChat Pay may already hold the money (the shopper asked to pay), WeChat is asked first: a
 * paid order is settled as paid instead of cancelled; an unpaid one is closed at WeChat (best
 * effort: WeChat refuses during the first five minutes, and money that still arrives later is
 * refunded automatically by the payment callback). Then one transaction moves the payment
 * created → closed and every order pending_payment → cancelled, and the stock and coupons go back.
 */
import { type OrderEvent, orderMachine, paymentMachine } from '../../../../domain';
import { withEvent } from '../../../../server/checkout/history';
import { settlePayment } from '../../../../server/checkout/settle-payment';
import * as wxPay from '../../../../server/checkout/wx-pay';
import { logEvent } from '../../../../server/log';
import type { PaymentDoc } from '../../../../server/model';
import { inTransaction, repo } from '../../../../server/repo';
import { finishRelease } from './release';

export type CloseOutcome = 'closed' | 'paid' | 'paying' | 'unchanged';

/** Asks WeChat Pay about a payment the shopper may have paid; 'paid' once settled as paid. */
async function reconcile(payment: PaymentDoc, now: number): Promise<'paid' | 'paying' | 'unpaid'> {
  const q = await wxPay.queryOrder(payment._id);
  if (!q.ok) throw new Error(`queryOrder ${payment._id}: ${q.reason}`);
  const { state, totalFee, transactionId } = q.value;
  if (state === 'SUCCESS' || state === 'REFUND') {
    const settled = await settlePayment({ paymentId: payment._id, totalFee: totalFee ?? -1, ...(transactionId ? { transactionId } : {}) }, now);
    // an amount mismatch is left for manual reconciliation: neither paid nor cancelled
    return settled.kind === 'amount_mismatch' ? 'paying' : 'paid';
  }
  if (state === 'USERPAYING') return 'paying';
  if (state === 'NOTPAY') {
    const closed = await wxPay.closeOrder(payment._id);
    if (!closed.ok) logEvent('wxpay_close_refused', { paymentId: payment._id, reason: closed.reason });
  }
  return 'unpaid';
}

async function closeGroup(paymentId: string, event: Extract<OrderEvent, 'cancel' | 'timeout'>, reason: string, by: string, now: number): Promise<boolean> {
  return inTransaction(async (tx) => {
    const payment = await tx.get('payments', paymentId);
    const next = payment && paymentMachine.next(payment.status, 'close');
    if (!payment || !next || !next.ok) return false;
    const at = new Date(now);
    await tx.update('payments', paymentId, { status: next.value, closedAt: at, updatedAt: at });
    for (const orderId of payment.orderIds) {
      const order = await tx.get('orders', orderId);
      const to = order && orderMachine.next(order.status, event);
      if (!order || !to || !to.ok) continue;
      await tx.update('orders', orderId, { status: to.value, cancelledAt: at, cancelReason: reason.slice(0, 100), updatedAt: at, history: withEvent(order.history, event, now, { by, note: reason }) });
    }
    return true;
  });
}

export async function closeUnpaidPayment(paymentId: string, o: { event: 'cancel' | 'timeout'; reason: string; by: string; now: number }): Promise<CloseOutcome> {
  const payment = await repo.get('payments', paymentId);
  if (!payment || !paymentMachine.can(payment.status, 'close')) return 'unchanged';
  if (payment.prepayAt) {
    const verdict = await reconcile(payment, o.now);
    if (verdict !== 'unpaid') return verdict;
  }
  if (!(await closeGroup(paymentId, o.event, o.reason, o.by, o.now))) return 'unchanged';
  logEvent('checkout_closed', { paymentId, event: o.event });
  const orders = await repo.getMany('orders', payment.orderIds);
  for (const order of orders.values()) await finishRelease(order, o.now);
  return 'closed';
}
