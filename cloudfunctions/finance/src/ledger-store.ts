/**
 * The ledger as stored: one immutable `ledger_entries` document per domain `LedgerEntry`, its `_id`
 * the entry's deterministic id, plus the shop's running balances in `shop_accounts`.
 *
 * Every write goes through {@link writeEntries} inside a transaction that also writes the
 * document guarding the movement (the order for settlements and refunds, the withdrawal for its
 * steps) and, when a shop account moves, the shop's `shop_accounts` document. So:
 * - concurrent movements of one order or one shop conflict at commit and the loser re-runs on
 *   the new snapshot (where the guard says "already done" or the balance is lower);
 * - a movement written twice fails on the duplicate `_id` (the caller treats that as done);
 * - `shop_accounts` always equals the sums of the shop's entries per account.
 */
import type { LedgerEntry, ShopBalance } from '../../../domain';
import type { LedgerEntryDoc, OrderDoc, ShopAccountDoc } from '../../../server/model';
import type { Tx } from '../../../server/repo';

export function entryDoc(e: LedgerEntry): LedgerEntryDoc {
  const doc: LedgerEntryDoc = { _id: e.id, kind: e.kind, account: e.account, shopId: e.shopId, amountFen: e.amountFen, at: new Date(e.at) };
  if (e.paymentId !== undefined) doc.paymentId = e.paymentId;
  if (e.orderId !== undefined) doc.orderId = e.orderId;
  if (e.refundId !== undefined) doc.refundId = e.refundId;
  if (e.withdrawalId !== undefined) doc.withdrawalId = e.withdrawalId;
  return doc;
}

export function entryOf(d: LedgerEntryDoc): LedgerEntry {
  return {
    id: d._id,
    kind: d.kind,
    account: d.account,
    shopId: d.shopId,
    amountFen: d.amountFen,
    at: new Date(d.at).getTime(),
    ...(d.paymentId !== undefined ? { paymentId: d.paymentId } : {}),
    ...(d.orderId !== undefined ? { orderId: d.orderId } : {}),
    ...(d.refundId !== undefined ? { refundId: d.refundId } : {}),
    ...(d.withdrawalId !== undefined ? { withdrawalId: d.withdrawalId } : {}),
  };
}

export function balanceOfAccount(a: ShopAccountDoc | null): ShopBalance {
  return { availableFen: a?.availableFen ?? 0, withdrawingFen: a?.withdrawingFen ?? 0, paidOutFen: a?.paidOutFen ?? 0 };
}

/**
 * The entries of an order that the domain's settle and refund rules look at (its settlement
 * marker and the shopper entry of each refund recorded so far), read by id inside the transaction
 * (CloudBase transactions read single documents only; the order lists its recorded refunds).
 */
export async function orderEntries(tx: Pick<Tx, 'get'>, order: OrderDoc): Promise<LedgerEntry[]> {
  const ids = [`settle:${order._id}:shop`, ...(order.ledgerRefundIds ?? []).map((r) => `refund:${r}:shopper`)];
  const out: LedgerEntry[] = [];
  for (const id of ids) {
    const doc = await tx.get('ledger_entries', id);
    if (doc) out.push(entryOf(doc));
  }
  return out;
}

const SHOP_FIELDS = { shop_available: 'availableFen', shop_withdrawing: 'withdrawingFen', shop_paid_out: 'paidOutFen' } as const;

/** Inserts `entries` (all of one shop) and moves that shop's balances by them, in the transaction. */
export async function writeEntries(tx: Tx, entries: readonly LedgerEntry[], now: number): Promise<void> {
  if (entries.length === 0) return;
  const shopId = entries[0].shopId;
  if (entries.some((e) => e.shopId !== shopId)) throw new Error('writeEntries: entries of several shops');
  for (const e of entries) await tx.insert('ledger_entries', entryDoc(e));
  const moves = entries.filter((e) => e.account in SHOP_FIELDS);
  if (moves.length === 0) return;
  const account = await tx.get('shop_accounts', shopId);
  const next: ShopAccountDoc = { _id: shopId, ...balanceOfAccount(account), updatedAt: new Date(now) };
  for (const e of moves) next[SHOP_FIELDS[e.account as keyof typeof SHOP_FIELDS]] += e.amountFen;
  await tx.set('shop_accounts', next);
}
