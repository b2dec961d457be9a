/**
 * The refund timer: refunds left `pending` (a crash between recording and submitting), `failed`
 * (WeChat refused the request) or `processing` for long (a lost notification) are driven on.
 * A failed refund WeChat never created is submitted again with the same refund number; one WeChat
 * settled as CHANGE or REFUNDCLOSE needs a person (logged) and is looked at again only until it
 * reaches the attempt limit.
 */
import { refundMachine } from '../../../domain';
import { _ } from '../../../server/cloud';
import { applyRefundResult, submitRefund } from '../../../server/checkout/refunds';
import * as wxPay from '../../../server/checkout/wx-pay';
import { logEvent } from '../../../server/log';
import type { RefundDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

export const MAX_REFUND_ATTEMPTS = 10;
/** A refund processing longer than this is polled (its notification may be lost). */
const STALE_PROCESSING_MS = 10 * 60_000;
const BATCH = 50;

async function checkWithWeChat(refund: RefundDoc, now: number): Promise<string> {
  const q = await wxPay.queryRefund(refund._id);
  if (!q.ok) return `query failed: ${q.reason}`;
  if (q.value === 'SUCCESS') await applyRefundResult(refund._id, 'success', now);
  else if (q.value === 'NOT_FOUND' && refund.status === 'failed') await submitRefund(refund, now);
  else if ((q.value === 'CHANGE' || q.value === 'REFUNDCLOSE') && refund.status === 'processing') await applyRefundResult(refund._id, 'failure', now, `refund ${q.value}`);
  else if (q.value === 'CHANGE' || q.value === 'REFUNDCLOSE') logEvent('refund_needs_attention', { refundId: refund._id, wxStatus: q.value });
  return q.value;
}

export async function retryRefunds(now: number): Promise<{ looked: number }> {
  const retryable = refundMachine.states.filter((s) => refundMachine.can(s, 'submit') || refundMachine.can(s, 'retry'));
  const waiting = await repo.find('refunds', { status: _.in(retryable), attempts: _.lt(MAX_REFUND_ATTEMPTS) }, { orderBy: [['updatedAt', 'asc']], limit: BATCH });
  const stale = await repo.find('refunds', { status: refundMachine.transitions.submit.to, updatedAt: _.lt(new Date(now - STALE_PROCESSING_MS)), attempts: _.lt(MAX_REFUND_ATTEMPTS) }, { orderBy: [['updatedAt', 'asc']], limit: BATCH });
  for (const refund of [...waiting, ...stale]) {
    try {
      // submitting counts an attempt itself; a look at WeChat counts one too and moves the refund to the back of the queue
      const outcome = refund.status === 'pending' ? await submitRefund(refund, now) : await checkWithWeChat(refund, now);
      if (refund.status !== 'pending') await repo.update('refunds', refund._id, { attempts: _.inc(1), updatedAt: new Date(now) }, { status: refund.status });
      logEvent('refund_retried', { refundId: refund._id, outcome });
    } catch (e) {
      logEvent('refund_retry_failed', { refundId: refund._id, error: String((e as Error)?.message ?? e) });
    }
  }
  return { looked: waiting.length + stale.length };
}
