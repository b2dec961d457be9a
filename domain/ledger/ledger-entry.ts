/**
 * The merchant ledger: every money movement is an immutable entry, never updated or deleted.
 *
 * An entry records the signed amount (in fen) that one account received: positive when money
 * flows into the account, negative when it flows out. Accounts:
 * - `shop_available`: what a shop can withdraw (credited at settlement, debited by refunds after
 *   settlement and by withdrawal requests);
 * - `shop_withdrawing`: money of requested withdrawals not yet paid or rejected;
 * - `shop_paid_out`: money transferred to the shop's bank account;
 * - `platform_commission`: the platform's commission;
 * - `platform_subsidy`: platform-funded discounts paid to shops (negative: the platform's money
 *   going out; refunds give back their share);
 * - `shopper_refund`: money refunded to shoppers.
 *
 * Entry ids are deterministic keys (`settle:<orderId>:shop`, `refund:<refundId>:shopper`,
 * `withdrawal:<withdrawalId>:requested:available`), so a unique index on `id` makes a repeated or
 * concurrent write of the same movement fail instead of counting twice, and the pure functions
 * that produce entries return nothing for movements already present.
 */
import { fail, ok, Outcome } from '../result';
import { assertMillis } from '../time';

/** Every account of the ledger. */
export const LEDGER_ACCOUNTS = [
  'shop_available',
  'shop_withdrawing',
  'shop_paid_out',
  'platform_commission',
  'platform_subsidy',
  'shopper_refund',
] as const;

/** An account of the ledger. */
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** Every kind of ledger entry. */
export const LEDGER_ENTRY_KINDS = ['order_settled', 'refund', 'withdrawal_requested', 'withdrawal_paid', 'withdrawal_rejected'] as const;

/** What moved the money. */
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** A signed amount in fen (a safe integer that may be negative). */
export type SignedFen = number;

/** One immutable money movement. */
export interface LedgerEntry {
  /** A deterministic key: writing the same movement twice is caught by a unique index. */
  readonly id: string;
  readonly kind: LedgerEntryKind;
  readonly account: LedgerAccount;
  /** The shop concerned (also on commission, subsidy and refund entries, for per-shop reports). */
  readonly shopId: string;
  readonly paymentId?: string;
  readonly orderId?: string;
  readonly refundId?: string;
  readonly withdrawalId?: string;
  /** What the account received: positive into it, negative out of it. */
  readonly amountFen: SignedFen;
  /** When the movement happened, in milliseconds since the epoch. */
  readonly at: number;
}

/** Throws a RangeError unless `entry` has a known kind and account, a safe integer amount and a time. */
export function assertLedgerEntry(entry: LedgerEntry): void {
  if (!(LEDGER_ENTRY_KINDS as readonly string[]).includes(entry.kind)) throw new RangeError(`unknown entry kind ${String(entry.kind)}`);
  if (!(LEDGER_ACCOUNTS as readonly string[]).includes(entry.account)) throw new RangeError(`unknown account ${String(entry.account)}`);
  if (!Number.isSafeInteger(entry.amountFen)) throw new RangeError(`entry ${entry.id} amountFen must be a safe integer`);
  assertMillis(entry.at, `entry ${entry.id} at`);
}

/** Returns the sum of the amounts of `entries` (throwing a RangeError past the safe-integer range). */
export function sumEntries(entries: readonly LedgerEntry[]): SignedFen {
  let total = 0;
  for (const entry of entries) {
    assertLedgerEntry(entry);
    total += entry.amountFen;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of entries exceeds the safe-integer range');
  }
  return total;
}

/** Returns the sum of the entries of one account, optionally only those matching `where`. */
export function accountTotal(entries: readonly LedgerEntry[], account: LedgerAccount, where: (e: LedgerEntry) => boolean = () => true): SignedFen {
  return sumEntries(entries.filter((e) => e.account === account && where(e)));
}

/** What a shop sees: every amount is the sum of that shop's entries in one account. */
export interface ShopBalance {
  /**
   * What the shop can withdraw. It can be negative: a refund after settlement debits the shop
   * even when it already withdrew the money; the shop then owes the platform and cannot withdraw
   * until later settlements bring the balance back above 0.
   */
  readonly availableFen: SignedFen;
  /** Requested withdrawals not yet paid or rejected. */
  readonly withdrawingFen: SignedFen;
  /** Everything transferred to the shop so far. */
  readonly paidOutFen: SignedFen;
}

/** Returns the balance of one shop from the ledger. */
export function balanceOf(entries: readonly LedgerEntry[], shopId: string): ShopBalance {
  const ofShop = (e: LedgerEntry): boolean => e.shopId === shopId;
  return {
    availableFen: accountTotal(entries, 'shop_available', ofShop),
    withdrawingFen: accountTotal(entries, 'shop_withdrawing', ofShop),
    paidOutFen: accountTotal(entries, 'shop_paid_out', ofShop),
  };
}

/** One line of a shop statement: an entry of a shop account and the running total of that account. */
export interface StatementLine {
  readonly entry: LedgerEntry;
  readonly balanceAfterFen: SignedFen;
}

/**
 * Returns a shop's statement of `shop_available` for the half-open period `[from, to)`: the
 * opening balance (every earlier entry), one line per entry in time order (ties by id) with the
 * running balance, and the closing balance.
 */
export function statementOf(
  entries: readonly LedgerEntry[],
  shopId: string,
  period: { readonly from: number; readonly to: number },
): { readonly openingFen: SignedFen; readonly lines: readonly StatementLine[]; readonly closingFen: SignedFen } {
  assertMillis(period.from, 'from');
  assertMillis(period.to, 'to');
  const own = entries.filter((e) => e.shopId === shopId && e.account === 'shop_available');
  const openingFen = sumEntries(own.filter((e) => e.at < period.from));
  const inPeriod = own
    .filter((e) => e.at >= period.from && e.at < period.to)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let running = openingFen;
  const lines = inPeriod.map((entry) => {
    running += entry.amountFen;
    return { entry, balanceAfterFen: running };
  });
  return { openingFen, lines, closingFen: running };
}

/** A failure code of {@link checkUniqueIds}. */
export type LedgerConflictCode = 'LEDGER_DUPLICATE_ENTRY';

/** Checks that no two entries share an id (what the database's unique index enforces). */
export function checkUniqueIds(entries: readonly LedgerEntry[]): Outcome<null, LedgerConflictCode> {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) return fail('LEDGER_DUPLICATE_ENTRY', 'two ledger entries share an id', { id: entry.id });
    seen.add(entry.id);
  }
  return ok(null);
}
