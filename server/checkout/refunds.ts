/**
 * Refunds: a refund document is written first (inside the transaction that decided the money goes
 * back), then submitted to WeChat Pay outside any transaction, and settled by WeChat's refund
 * notification. Every step moves the refund through the domain refund machine with a
 * compare-and-set on its current status, so repeats and races are harmless; `retryRefunds`
 * picks up refunds left pending (a crash before submitting) or failed.
 */
import { paymentMachine, type RefundEvent, refundMachine, type RefundReasonKind, refundResultAction } from '../../domain';
import { finishAfterSaleRefund } from '../aftersale/finish-refund';
import { _ } from '../cloud';
import { logEvent } from '../log';
import type { RefundDoc, RefundStatus } from '../model';
import { repo } from '../repo';
import * as wxPay from './wx-pay';

/** Refund number (outRefundNo = _id) of a payment that arrived after its orders were cancelled. */
export const lateRefundId = (paymentId: string): string => `L${paymentId}`;
/** Refund number of a paid order the shopper cancelled before shipping. */
export const cancelRefundId = (orderId: string): string => `R${orderId}`;

const REFUND_DESC: Record<RefundReasonKind, string> = { late_payment: '订单已取消，支付款项原路退回', cancel_paid: '订单已取消', after_sale: '售后退款' };

export function newRefund(r: { id: string; paymentId: string; orderId?: string; openid: string; totalFen: number; amountFen: number; reason: RefundReasonKind; now: number }): RefundDoc {
  const at = new Date(r.now);
  return {
    _id: r.id,
    paymentId: r.paymentId,
    ...(r.orderId ? { orderId: r.orderId } : {}),
    openid: r.openid,
    totalFen: r.totalFen,
    amountFen: r.amountFen,
    reason: r.reason,
    status: 'pending',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** Moves a refund by `event` if it is still in `from`; false when the table forbids it or it changed meanwhile. */
async function move(refund: RefundDoc, event: RefundEvent, now: number, extra: Record<string, unknown> = {}): Promise<boolean> {
  const next = refundMachine.next(refund.status, event);
  if (!next.ok) return false;
  const patch: Record<string, unknown> = { status: next.value, updatedAt: new Date(now), ...extra };
  if (next.value === 'succeeded') patch.succeededAt = new Date(now);
  return repo.update('refunds', refund._id, patch, { status: refund.status });
}

async function askWeChat(refund: RefundDoc): Promise<wxPay.WxOutcome<{ refundId: string }> & { unknown?: boolean }> {
  try {
    return await wxPay.refund({ outTradeNo: refund.paymentId, outRefundNo: refund._id, totalFee: refund.totalFen, refundFee: refund.amountFen, desc: REFUND_DESC[refund.reason] });
  } catch (e) {
    // the request may or may not have reached WeChat: same refund number next time
    return { ok: false, reason: String((e as Error)?.message ?? e), unknown: true };
  }
}

const statusNow = async (refund: RefundDoc): Promise<RefundStatus> => (await repo.get('refunds', refund._id))?.status ?? refund.status;

/**
 * Submits a pending or failed refund to WeChat Pay (idempotent there by outRefundNo) and records
 * the answer; a processing or succeeded refund is left alone. Returns the refund's status afterwards.
 */
export async function submitRefund(refund: RefundDoc, now: number): Promise<RefundStatus> {
  const event: RefundEvent | undefined = refundMachine.can(refund.status, 'submit') ? 'submit' : refundMachine.can(refund.status, 'retry') ? 'retry' : undefined;
  if (!event) return refund.status;
  const answer = await askWeChat(refund);
  const attempt = { attempts: _.inc(1) };
  if (answer.ok) {
    const accepted = await move(refund, event, now, { ...attempt, ...(answer.value.refundId ? { wxRefundId: answer.value.refundId } : {}) });
    // not moved: the refund notification overtook this answer
    return accepted ? refundMachine.transitions[event].to : statusNow(refund);
  }
  logEvent(answer.unknown ? 'refund_submit_error' : 'refund_refused', { refundId: refund._id, reason: answer.reason });
  const noted = { ...attempt, lastError: answer.reason.slice(0, 500) };
  if (answer.unknown || !refundMachine.can(refund.status, 'fail')) {
    await repo.update('refunds', refund._id, { ...noted, updatedAt: new Date(now) }, { status: refund.status });
    return refund.status;
  }
  return (await move(refund, 'fail', now, noted)) ? refundMachine.transitions.fail.to : statusNow(refund);
}

/**
 * Records WeChat Pay's verdict on a refund (its notification, or a query). A success also ends a
 * late payment's refund: the payment moves refunding → refunded.
 */
export async function applyRefundResult(refundId: string, result: 'success' | 'failure', now: number, note?: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const refund = await repo.get('refunds', refundId);
    if (!refund) {
      logEvent('refund_result_unknown', { refundId });
      return;
    }
    const action = refundResultAction(refund.status, result);
    if (action.type === 'duplicate') {
      if (refund.status === 'succeeded') await finishSucceeded(refund, now);
      return;
    }
    if (await move(refund, action.event, now, note ? { lastError: note.slice(0, 500) } : {})) {
      logEvent('refund_settled', { refundId, result });
      if (action.event === 'succeed') await finishSucceeded(refund, now);
      return;
    }
  }
  throw new Error(`refund ${refundId} kept changing while recording its result`);
}

/** What a succeeded refund finishes: a late payment's refund, or an after-sale request (both idempotent). */
async function finishSucceeded(refund: RefundDoc, now: number): Promise<void> {
  await finishLatePayment(refund, now);
  await finishAfterSaleRefund(refund, now);
}

async function finishLatePayment(refund: RefundDoc, now: number): Promise<void> {
  if (refund.reason !== 'late_payment') return;
  const next = paymentMachine.next('refunding', 'refundDone');
  if (next.ok) await repo.update('payments', refund.paymentId, { status: next.value, updatedAt: new Date(now) }, { status: 'refunding' });
}
