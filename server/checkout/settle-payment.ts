/**
 * Settles a payment WeChat Pay reports as paid, from its notification (`payment` callback) or from
 * a query (`payment.status`, the unpaid-order timer, a shopper's cancel). The domain decides what
 * the report means (`paymentCallbackAction`): a wrong amount is never settled; a repeat is a
 * no-op; a first report moves the payment created → paid, its orders pending_payment → paid and
 * its coupons locked → used in ONE transaction (which also freezes each order line's commission rate,
 * `commissionBps`, from `commission_rates`: see server/ledger/commission-rates.ts); money for a payment closed meanwhile moves it
 * closed → refunding and records a full refund in that same transaction, submitted to WeChat
 * Pay after the commit (the transaction may re-run, so no side effects inside).
 */
import { orderMachine, orderPaymentAction, paymentCallbackAction, paymentMachine, userCouponMachine } from '../../domain';
import { _ } from '../cloud';
import { type CommissionRates } from '../../domain';
import { currentCommissionRates, freezeCommission } from '../ledger/commission-rates';
import { logEvent } from '../log';
import type { PaymentDoc, RefundDoc } from '../model';
import { inTransaction, repo, type Tx } from '../repo';
import { withEvent } from './history';
import { lateRefundId, newRefund, submitRefund } from './refunds';

/** What WeChat Pay says was paid. */
export interface PaidReport {
  paymentId: string;
  totalFee: number;
  transactionId?: string;
  cashFee?: number;
}

export type SettleResult =
  | { kind: 'paid' }
  | { kind: 'duplicate' }
  | { kind: 'late_refund'; refundId: string }
  | { kind: 'unknown_payment' }
  | { kind: 'amount_mismatch'; expectedFen: number; notifiedFen: number };

type Decision = SettleResult & { usedTemplateIds?: string[]; refund?: RefundDoc; payment?: PaymentDoc };

async function markPaid(tx: Tx, payment: PaymentDoc, report: PaidReport, now: number, rates: CommissionRates | null): Promise<string[]> {
  const at = new Date(now);
  const paid = paymentMachine.transitions.succeed.to;
  await tx.update('payments', payment._id, { status: paid, paidAt: at, updatedAt: at, ...(report.transactionId ? { transactionId: report.transactionId } : {}), ...(report.cashFee !== undefined ? { cashFen: report.cashFee } : {}) });
  for (const orderId of payment.orderIds) {
    const order = await tx.get('orders', orderId);
    if (!order) continue;
    const action = orderPaymentAction(order.status);
    if (action.type !== 'pay') {
      if (action.type === 'refund') logEvent('paid_order_already_cancelled', { paymentId: payment._id, orderId, status: order.status });
      continue;
    }
    const next = orderMachine.next(order.status, 'pay');
    if (next.ok) await tx.update('orders', orderId, { status: next.value, paidAt: at, updatedAt: at, ...(rates ? { lines: freezeCommission(order.lines, rates) } : {}), history: withEvent(order.history, 'pay', now) });
  }
  const templateIds: string[] = [];
  for (const couponId of payment.couponIds) {
    const coupon = await tx.get('user_coupons', couponId);
    if (!coupon || coupon.lockedBy !== payment._id) continue;
    const next = userCouponMachine.next(coupon.status, 'use');
    if (!next.ok) continue;
    await tx.update('user_coupons', couponId, { status: next.value, usedAt: at, updatedAt: at });
    templateIds.push(coupon.templateId);
  }
  return templateIds;
}

async function decide(report: PaidReport, now: number): Promise<Decision> {
  // finance: the rates are read once, before the transaction, and frozen onto each order line in
  // the same update that marks the order paid; unreadable rates leave the lines without a rate
  // (settlement then uses the default) rather than failing the payment
  const rates = await currentCommissionRates();
  return inTransaction(async (tx): Promise<Decision> => {
    const payment = await tx.get('payments', report.paymentId);
    if (!payment) return { kind: 'unknown_payment' };
    const action = paymentCallbackAction({ state: payment.status, totalFen: payment.totalFen }, report.totalFee);
    if (!action.ok) return { kind: 'amount_mismatch', expectedFen: payment.totalFen, notifiedFen: report.totalFee };
    if (action.value.type === 'duplicate') return { kind: 'duplicate', payment };
    if (action.value.event === 'succeed') return { kind: 'paid', usedTemplateIds: await markPaid(tx, payment, report, now, rates) };
    const refund = newRefund({ id: lateRefundId(payment._id), paymentId: payment._id, openid: payment.openid, totalFen: payment.totalFen, amountFen: payment.totalFen, reason: 'late_payment', now });
    const at = new Date(now);
    await tx.update('payments', payment._id, { status: action.value.to, paidAt: at, updatedAt: at, ...(report.transactionId ? { transactionId: report.transactionId } : {}) });
    await tx.insert('refunds', refund);
    return { kind: 'late_refund', refundId: refund._id, refund };
  });
}

/** Settles a paid report; see the file header. Side effects run after the commit. */
export async function settlePayment(report: PaidReport, now: number): Promise<SettleResult> {
  const d = await decide(report, now);
  switch (d.kind) {
    case 'paid':
      logEvent('payment_paid', { paymentId: report.paymentId, totalFee: report.totalFee });
      // usage statistics: outside the transaction, as the template is a hot document
      for (const templateId of d.usedTemplateIds ?? []) await repo.update('coupon_templates', templateId, { usedCount: _.inc(1) });
      return { kind: 'paid' };
    case 'late_refund':
      logEvent('payment_late_refund', { paymentId: report.paymentId, refundId: d.refundId });
      await submitRefund(d.refund!, now);
      return { kind: 'late_refund', refundId: d.refundId };
    case 'duplicate':
      // a repeated report of a late payment also re-drives its refund if a crash left it pending
      if (d.payment?.status === 'refunding') {
        const refund = await repo.get('refunds', lateRefundId(d.payment._id));
        if (refund?.status === 'pending') await submitRefund(refund, now);
      }
      return { kind: 'duplicate' };
    case 'amount_mismatch':
      logEvent('payment_amount_mismatch', { paymentId: report.paymentId, expectedFen: d.expectedFen, notifiedFen: d.notifiedFen });
      return d;
    case 'unknown_payment':
      logEvent('payment_unknown', { paymentId: report.paymentId });
      return d;
  }
}
