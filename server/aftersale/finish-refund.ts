/**
 * The end of an after-sale refund, shared by the functions that see refund results (payment's
 * notification and refund timer) and the aftersale function. An after-sale's refund number is
 * `A<afterSaleId>`, so a refund result finds its request without a query.
 */
import { afterSaleMachine } from '../../domain';
import { _ } from '../cloud';
import { logEvent } from '../log';
import type { RefundDoc } from '../model';
import { repo } from '../repo';

/** The refund number (outRefundNo = refunds._id) of an after-sale request. */
export const afterSaleRefundId = (afterSaleId: string): string => `A${afterSaleId}`;

/**
 * Moves the request of a succeeded after-sale refund refunding → refunded, by a compare-and-set on
 * its state and refund number: repeated results, and refunds of other reasons, change nothing.
 */
export async function finishAfterSaleRefund(refund: Pick<RefundDoc, '_id' | 'reason'>, now: number): Promise<boolean> {
  if (refund.reason !== 'after_sale' || !refund._id.startsWith('A')) return false;
  const rule = afterSaleMachine.transitions.refundDone;
  const at = new Date(now);
  const moved = await repo.update(
    'after_sales',
    refund._id.slice(1),
    { status: rule.to, refundedAt: at, updatedAt: at, history: _.push([{ event: 'refundDone', at, by: 'system' }]) },
    { status: _.in([...rule.from]), refundId: refund._id },
  );
  if (moved) logEvent('after_sale_refunded', { afterSaleId: refund._id.slice(1), refundId: refund._id });
  return moved;
}
