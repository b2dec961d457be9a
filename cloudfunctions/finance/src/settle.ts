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
 */
import { AFTER_SALE_WINDOW_DAYS, DAY_MS, isSettlementDue, settleOrder } from '../../../domain';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { currentCommissionRates, DEFAULT_COMMISSION_BPS } from '../../../server/ledger/commission-rates';
import { logEvent } from '../../../server/log';
import { inTransaction, repo } from '../../../server/repo';
import { orderEntries, writeEntries } from './ledger-store';
import { settlementOrderOf } from './settlement-order';

const BATCH = 100;
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

/** Settles the orders that came due (a batch per run; the rest wait for the next hour). */
export async function settleDue(now: number): Promise<SettleReport> {
  const report: SettleReport = { settled: 0, skipped: 0, failed: 0 };
  const completedBefore = new Date(now - AFTER_SALE_WINDOW_DAYS * DAY_MS);
  const due = await repo.find('orders', { status: 'completed', settledAt: _.exists(false), completedAt: _.lte(completedBefore) }, { orderBy: [['completedAt', 'asc']], limit: BATCH });
  if (due.length === 0) return report;
  const rates = await currentCommissionRates();
  const defaultBps = rates?.defaultBps ?? DEFAULT_COMMISSION_BPS;
  for (const order of due) {
    try {
      const outcome = await settleOne(order._id, defaultBps, now);
      if (outcome === 'settled' || outcome === 'nothing_left') report.settled++;
      else report.skipped++;
    } catch (e) {
      report.failed++;
      logEvent('settle_failed', { orderId: order._id, error: String((e as Error)?.message ?? e) });
    }
  }
  if (report.settled) logEvent('orders_settled', { ...report });
  return report;
}
