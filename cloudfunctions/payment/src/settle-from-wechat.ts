import { paymentMachine } from '../../../domain';
import { settlePayment } from '../../../server/checkout/settle-payment';
import * as wxPay from '../../../server/checkout/wx-pay';
import { logEvent } from '../../../server/log';
import type { PaymentDoc } from '../../../server/model';

/**
 * Asks WeChat Pay whether an unpaid payment was paid and settles it if so, so that a lost or late
 * callback never leaves the shopper looking at an unpaid order they paid for.
 */
export async function settleFromWeChat(payment: PaymentDoc, now: number): Promise<void> {
  if (!paymentMachine.can(payment.status, 'succeed') || !payment.prepayAt) return;
  const q = await wxPay.queryOrder(payment._id);
  if (!q.ok) {
    logEvent('wxpay_query_failed', { paymentId: payment._id, reason: q.reason });
    return;
  }
  if (q.value.state !== 'SUCCESS' && q.value.state !== 'REFUND') return;
  await settlePayment({ paymentId: payment._id, totalFee: q.value.totalFee ?? -1, ...(q.value.transactionId ? { transactionId: q.value.transactionId } : {}) }, now);
}
