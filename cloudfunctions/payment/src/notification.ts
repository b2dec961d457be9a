/**
 * WeChat Pay notifications (SOURCE wx_paycallback): payment results and refund results, told
 * apart by the refund's `reqInfo`. Answers, by design:
 * - `{errcode: 0}` once handled, and for repeats, which change nothing (a shipped order never
 *   goes back to paid);
 * - `{errcode: 0}` for a failed payment result or an outTradeNo we never issued (nothing to
 *   record, retrying cannot help; logged);
 * - `{errcode: 1, errmsg: 'AMOUNT_MISMATCH'}` when the notified amount differs from the payment:
 *   nothing is marked paid, the notification stays unacknowledged so WeChat keeps it (and its
 *   retries show in the logs) until someone reconciles it by hand;
 * - a thrown error (storage down) becomes `{errcode: 1}` in the handler, and WeChat retries.
 */
import { applyRefundResult } from '../../../server/checkout/refunds';
import { settlePayment } from '../../../server/checkout/settle-payment';
import type { CallContext } from '../../../server/handler';
import { logEvent } from '../../../server/log';
import { repo } from '../../../server/repo';

export interface WxAnswer {
  errcode: number;
  errmsg?: string;
}

const ACK: WxAnswer = { errcode: 0, errmsg: 'OK' };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

async function onPayment(e: Record<string, unknown>, now: number): Promise<WxAnswer> {
  const paymentId = str(e.outTradeNo);
  const totalFee = int(e.totalFee);
  if (e.returnCode !== 'SUCCESS' || e.resultCode !== 'SUCCESS' || !paymentId || totalFee === undefined) {
    logEvent('pay_notice_not_success', { outTradeNo: paymentId, returnCode: e.returnCode, resultCode: e.resultCode });
    return ACK;
  }
  const cashFee = int(e.cashFee);
  const result = await settlePayment({ paymentId, totalFee, ...(str(e.transactionId) ? { transactionId: str(e.transactionId) } : {}), ...(cashFee !== undefined ? { cashFee } : {}) }, now);
  return result.kind === 'amount_mismatch' ? { errcode: 1, errmsg: 'AMOUNT_MISMATCH' } : ACK;
}

async function onRefund(info: Record<string, unknown>, now: number): Promise<WxAnswer> {
  const refundId = str(info.outRefundNo);
  const refund = refundId ? await repo.get('refunds', refundId) : null;
  if (!refund || refund.paymentId !== str(info.outTradeNo) || refund.amountFen !== int(info.refundFee)) {
    logEvent('refund_notice_unknown', { outRefundNo: refundId, outTradeNo: info.outTradeNo, refundFee: info.refundFee });
    return ACK;
  }
  const status = str(info.refundStatus);
  await applyRefundResult(refund._id, status === 'SUCCESS' ? 'success' : 'failure', now, status === 'SUCCESS' ? undefined : `refund ${status}`);
  return ACK;
}

export async function onNotification(event: Record<string, unknown>, ctx: CallContext): Promise<WxAnswer> {
  const { action: _action, ...notice } = event;
  if (notice.reqInfo && typeof notice.reqInfo === 'object') return onRefund(notice.reqInfo as Record<string, unknown>, ctx.now);
  return onPayment(notice, ctx.now);
}
