/**
 * The settlement timer: completed orders whose after-sale window closed (domain
 * `AFTER_SALE_WINDOW_DAYS`), not settled yet and with no after-sale request still open, are
 * settled into the shop's balance (domain `settleOrder`: shop credit = what is left of the shop's
 * share after refunds, commission, platform subsidy).
 *
 * Each order is settled in one transaction that re-reads the order (still completed, no
 * `settledAt`, still due), reads its ledger entries by id, writes the new entries and the shop's
 * balances and sets `settledAt`. Two timers racing on the same order both write the order, so one
 * commit fails and re-runs, finds `settledAt` and does nothing; should a write still meet an
 * existing entry id, the duplicate key means the settlement is already there.
 *
 * The open after-sale check runs just before the transaction (a query cannot run inside one): a
 * request opened in between is harmless, its refund is then recorded as a reversal after
 * settlement, which the ledger rules handle exactly.
 *
 * A run never stalls on orders it cannot settle: the orders held by an open after-sale are read
 * first (the open requests, by the `by_status` index) and left out of the due query, and the
 * due orders are walked in batches with a keyset cursor within the function's time limit
 * (server/sweep.ts); what is left waits at the head of the queue for the next run.
 */
import { AFTER_SALE_STATES, AFTER_SALE_WINDOW_DAYS, DAY_MS, isOpenAfterSale, isSettlementDue, settleOrder } from '../../../domain';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { currentCommissionRates, DEFAULT_COMMISSION_BPS } from '../../../server/ledger/commission-rates';
import { logEvent } from '../../../server/log';
import type { OrderDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { afterCursor, sweepQueue, type TimeBudget } from '../../../server/sweep';
import { orderEntries, writeEntries } from './ledger-store';
import { settlementOrderOf } from './settlement-order';

export const SETTLE_BATCH = 100;
/** Open after-sale requests read per page when collecting the orders they hold back. */
const OPEN_AFTER_SALE_PAGE = 1000;
const OPEN_AFTER_SALE = AFTER_SALE_STATES.filter(isOpenAfterSale);
/** After-sale states that no longer hold an order's settlement back. */
export const CLOSED_AFTER_SALE = ['refunded', 'rejected', 'cancelled'];

async function hasOpenAfterSale(orderId: string): Promise<boolean> {
  try {
    return (await repo.count('after_sales', { orderId, status: _.nin(CLOSED_AFTER_SALE) })) > 0;
  } catch (e) {
    // a database without the after-sale collection has no after-sale requests
    if (/not exist|not found|COLLECTION_NOT_EXIST/i.test(String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg ?? e))) return false;
    throw e;
  }
}

export type SettleOutcome = 'settled' | 'nothing_left' | 'skipped' | 'already';

/** Settles one order if it is due; see the file header. */
export async function settleOne(orderId: string, defaultBps: number, now: number): Promise<SettleOutcome> {
  if (await hasOpenAfterSale(orderId)) return 'skipped';
  try {
    return await inTransaction(async (tx): Promise<SettleOutcome> => {
      const order = await tx.get('orders', orderId);
      if (!order || order.status !== 'completed' || !order.completedAt) return 'skipped';
      if (order.settledAt) return 'already';
      if (!isSettlementDue(new Date(order.completedAt).getTime(), now)) return 'skipped';
      const entries = settleOrder(settlementOrderOf(order, defaultBps), await orderEntries(tx, order), now);
      await writeEntries(tx, entries, now);
      await tx.update('orders', orderId, { settledAt: new Date(now) });
      return entries.length ? 'settled' : 'nothing_left';
    });
  } catch (e) {
    if (isDuplicateKey(e)) return 'already';
    throw e;
  }
}

export interface SettleReport {
  settled: number;
  skipped: number;
  failed: number;
}

/** The orders an open after-sale request holds back from settlement. */
async function heldByAfterSale(): Promise<string[]> {
  const held = new Set<string>();
  for (let offset = 0; ; offset += OPEN_AFTER_SALE_PAGE) {
    let page: Array<{ orderId: string }>;
    try {
      page = await repo.find('after_sales', { status: _.in(OPEN_AFTER_SALE) }, { orderBy: [['_id', 'asc']], limit: OPEN_AFTER_SALE_PAGE, skip: offset, fields: { orderId: true } });
    } catch (e) {
      if (/not exist|not found|COLLECTION_NOT_EXIST/i.test(String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg ?? e))) return [];
      throw e;
    }
    for (const a of page) held.add(a.orderId);
    if (page.length < OPEN_AFTER_SALE_PAGE) return [...held];
  }
}

/**
 * Settles the orders that came due, oldest first, in batches while the run's time lasts; the orders
 * an open after-sale holds back are not even read.
 */
export async function settleDue(now: number, budget: TimeBudget): Promise<SettleReport & { held: number; drained: boolean }> {
  const report: SettleReport = { settled: 0, skipped: 0, failed: 0 };
  const completedBefore = new Date(now - AFTER_SALE_WINDOW_DAYS * DAY_MS);
  const held = await heldByAfterSale();
  let defaultBps: number | null = null;
  const walk = await sweepQueue<OrderDoc>({
    name: 'settlement',
    field: 'completedAt',
    batch: SETTLE_BATCH,
    budget,
    page: (cursor, limit) =>
      repo.find('orders', { status: 'completed', settledAt: _.exists(false), ...afterCursor('completedAt', cursor, completedBefore, held) }, { orderBy: [['completedAt', 'asc'], ['_id', 'asc']], limit }),
    handle: async (order) => {
      try {
        defaultBps ??= (await currentCommissionRates())?.defaultBps ?? DEFAULT_COMMISSION_BPS;
        const outcome = await settleOne(order._id, defaultBps, now);
        if (outcome === 'settled' || outcome === 'nothing_left') report.settled++;
        else report.skipped++;
      } catch (e) {
        report.failed++;
        logEvent('settle_failed', { orderId: order._id, error: String((e as Error)?.message ?? e) });
      }
    },
  });
  if (report.settled || report.failed) logEvent('orders_settled', { ...report, held: held.length, drained: walk.drained });
  return { ...report, held: held.length, drained: walk.drained };
}
