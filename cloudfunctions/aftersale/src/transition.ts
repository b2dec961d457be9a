/**
 * Moves a request by an event that gives no money back (reject, cancel, approve a return, submit the
 * return) with a compare-and-set on its state; reject and cancel also drop the request's claims
 * from the order, in one transaction with the request, so its lines can be asked for again.
 */
import { type AfterSaleEvent, afterSaleMachine } from '../../../domain';
import { fail } from '../../../server/failure';
import type { AfterSaleDoc, HistoryEntry } from '../../../server/model';
import { inTransaction } from '../../../server/repo';
import { withoutClaims } from './claims';

export async function transition(a: AfterSaleDoc, event: AfterSaleEvent, o: { by: string; now: number; note?: string; patch?: Partial<AfterSaleDoc> }): Promise<AfterSaleDoc> {
  const releases = afterSaleMachine.transitions[event].to === 'rejected' || afterSaleMachine.transitions[event].to === 'cancelled';
  const at = new Date(o.now);
  const moved = await inTransaction(async (tx) => {
    const current = await tx.get('after_sales', a._id);
    const next = current && afterSaleMachine.next(current.status, event);
    if (!current || !next || !next.ok) return null;
    const entry: HistoryEntry = { event, at, by: o.by, ...(o.note ? { note: o.note.slice(0, 200) } : {}) };
    const patch = { ...o.patch, status: next.value, updatedAt: at, history: [...current.history, entry].slice(-50) };
    await tx.update('after_sales', a._id, patch);
    if (releases) {
      const order = await tx.get('orders', a.orderId);
      if (order) await tx.update('orders', order._id, { afterSaleClaims: withoutClaims(order, a._id), updatedAt: at });
    }
    return { ...current, ...patch };
  });
  return moved ?? fail('AFTER_SALE_STATE_INVALID', '售后申请状态已变化，请刷新', { status: a.status });
}
