import type { PaymentView } from '../../../miniprogram/contracts';
import { notFound } from '../../../server/failure';
import type { PaymentDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** The caller's payment; another shopper's payment is indistinguishable from a missing one. */
export async function ownPayment(openid: string, paymentId: string): Promise<PaymentDoc> {
  const p = await repo.get('payments', paymentId);
  return p && p.openid === openid ? p : notFound('支付单');
}

export function paymentView(p: PaymentDoc): PaymentView {
  return { id: p._id, status: p.status, totalFen: p.totalFen, orderIds: p.orderIds, ...(p.paidAt ? { paidAt: p.paidAt.getTime() } : {}) };
}
