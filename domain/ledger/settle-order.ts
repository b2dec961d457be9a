/**
 * Settling an order: once it is completed and its after-sale window closed, the shop is credited
 * what is left of its share after the refunds so far, the platform books its commission and pays
 * its subsidy (see `settlement-split.ts` for the split).
 *
 * Settlement is idempotent: its entries have the keys `settle:<orderId>:shop|commission|subsidy`,
 * and {@link settleOrder} returns no entries when the order's entries already hold a settlement.
 * The `shop` entry is always written (even for 0 fen) and marks the order settled; commission and
 * subsidy entries only when not 0. A fully refunded order has nothing to settle and gets no
 * entries. The handler reads the order's entries and writes the result in one transaction, so a
 * refund cannot slip in between.
 */
import { DAY_MS, assertMillis } from '../time';
import { LedgerEntry } from './ledger-entry';
import { remainingShare, SettlementOrder, settlementSplit } from './settlement-split';

/** Days after completion during which the shopper can still ask for an after-sale refund. */
export const AFTER_SALE_WINDOW_DAYS = 7;

/** Returns when an order completed at `completedAt` can be settled (its after-sale window closes). */
export function settlementDueAt(completedAt: number): number {
  assertMillis(completedAt, 'completedAt');
  return completedAt + AFTER_SALE_WINDOW_DAYS * DAY_MS;
}

/**
 * Returns true when an order completed at `completedAt` can be settled at `now`. The handler must
 * also wait while an after-sale request of the order is still open.
 */
export function isSettlementDue(completedAt: number, now: number): boolean {
  assertMillis(now, 'now');
  return now >= settlementDueAt(completedAt);
}

/** Returns true when `entries` hold the settlement of `orderId`. */
export function isSettled(entries: readonly LedgerEntry[], orderId: string): boolean {
  return entries.some((e) => e.kind === 'order_settled' && e.orderId === orderId);
}

/** Returns the total refunded to shoppers for `orderId` according to `entries`. */
export function refundedFenOf(entries: readonly LedgerEntry[], orderId: string): number {
  return entries.filter((e) => e.account === 'shopper_refund' && e.orderId === orderId).reduce((sum, e) => sum + e.amountFen, 0);
}

/**
 * Returns the entries that settle `order`, given the ledger entries already recorded for it
 * (refunds before settlement lower what is settled): none when it is already settled or fully
 * refunded.
 */
export function settleOrder(order: SettlementOrder, entries: readonly LedgerEntry[], now: number): LedgerEntry[] {
  assertMillis(now, 'now');
  const split = settlementSplit(order);
  if (isSettled(entries, order.orderId)) return [];
  const refundedFen = refundedFenOf(entries, order.orderId);
  if (refundedFen >= order.payFen) return [];
  const left = remainingShare(split, refundedFen);
  const base = { kind: 'order_settled', shopId: order.shopId, paymentId: order.paymentId, orderId: order.orderId, at: now } as const;
  const result: LedgerEntry[] = [{ ...base, id: `settle:${order.orderId}:shop`, account: 'shop_available', amountFen: left.shopFen }];
  if (left.commissionFen !== 0) {
    result.push({ ...base, id: `settle:${order.orderId}:commission`, account: 'platform_commission', amountFen: left.commissionFen });
  }
  if (left.subsidyFen !== 0) {
    result.push({ ...base, id: `settle:${order.orderId}:subsidy`, account: 'platform_subsidy', amountFen: -left.subsidyFen });
  }
  return result;
}
