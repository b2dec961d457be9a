/**
 * Succeeded refunds enter the ledger here (domain `refundOrder`): the shopper's refund, and once the
 * order is settled, the proportional reversal of the shop's credit, the commission and the
 * platform subsidy. Before settlement a refund only lowers what settlement will credit.
 *
 * One transaction per refund re-reads the refund (succeeded, no `ledgerAt`) and its order, reads
 * the order's entries by id, writes the entries and the shop's balances, appends the refund to the
 * order's `ledgerRefundIds` and stamps the refund's `ledgerAt`. A refund without an order (the
 * refund of a payment that arrived after its orders were cancelled) never reached any shop: it is
 * stamped with nothing to record. Repeats and races end in "already" exactly like settlement.
 */
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { currentCommissionRates, DEFAULT_COMMISSION_BPS } from '../../../server/ledger/commission-rates';
import { logEvent } from '../../../server/log';
import type { RefundDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { afterCursor, sweepQueue, type TimeBudget } from '../../../server/sweep';
import { refundOrder } from '../../../domain';
import { orderEntries, writeEntries } from './ledger-store';
import { settlementOrderOf } from './settlement-order';

const BATCH = 100;
/** Far enough ahead to take every waiting refund (the queue has no upper bound of its own). */
const NO_LATER_THAN = new Date('9999-12-31T00:00:00Z');

export type RecordOutcome = 'recorded' | 'no_order' | 'already' | 'skipped' | 'refused';

export async function recordRefund(refundId: string, defaultBps: number, now: number): Promise<RecordOutcome> {
  try {
    return await inTransaction(async (tx): Promise<RecordOutcome> => {
      const refund = await tx.get('refunds', refundId);
      if (!refund || refund.status !== 'succeeded') return 'skipped';
      if (refund.ledgerAt) return 'already';
      const order = refund.orderId ? await tx.get('orders', refund.orderId) : null;
      if (!order) {
        await tx.update('refunds', refundId, { ledgerAt: new Date(now) });
        return 'no_order';
      }
      const recorded = order.ledgerRefundIds ?? [];
      if (!recorded.includes(refundId)) {
        const out = refundOrder({ order: settlementOrderOf(order, defaultBps), refundId, amountFen: refund.amountFen, entries: await orderEntries(tx, order), now });
        if (!out.ok) {
          logEvent('refund_not_recordable', { refundId, orderId: order._id, code: out.code, message: out.message });
          return 'refused';
        }
        await writeEntries(tx, out.value, now);
        await tx.update('orders', order._id, { ledgerRefundIds: [...recorded, refundId] });
      }
      await tx.update('refunds', refundId, { ledgerAt: new Date(now) });
      return 'recorded';
    });
  } catch (e) {
    if (isDuplicateKey(e)) return 'already';
    throw e;
  }
}

export interface RecordReport {
  recorded: number;
  skipped: number;
  failed: number;
}

/**
 * Records the succeeded refunds not yet in the ledger, oldest first, in batches while the run's time
 * lasts (server/sweep.ts): a refund that cannot be recorded stays where it is without holding up
 * the ones behind it.
 */
export async function recordRefunds(now: number, budget: TimeBudget): Promise<RecordReport & { drained: boolean }> {
  const report: RecordReport = { recorded: 0, skipped: 0, failed: 0 };
  let defaultBps: number | null = null;
  const walk = await sweepQueue<RefundDoc>({
    name: 'refund-ledger',
    field: 'updatedAt',
    batch: BATCH,
    budget,
    page: (cursor, limit) => repo.find('refunds', { status: 'succeeded', ledgerAt: _.exists(false), ...afterCursor('updatedAt', cursor, NO_LATER_THAN) }, { orderBy: [['updatedAt', 'asc'], ['_id', 'asc']], limit }),
    handle: async (refund) => {
      try {
        defaultBps ??= (await currentCommissionRates())?.defaultBps ?? DEFAULT_COMMISSION_BPS;
        const outcome = await recordRefund(refund._id, defaultBps, now);
        if (outcome === 'recorded' || outcome === 'no_order') report.recorded++;
        else report.skipped++;
      } catch (e) {
        report.failed++;
        logEvent('refund_record_failed', { refundId: refund._id, error: String((e as Error)?.message ?? e) });
      }
    },
  });
  if (report.recorded || report.failed) logEvent('refunds_recorded', { ...report, drained: walk.drained });
  return { ...report, drained: walk.drained };
}
