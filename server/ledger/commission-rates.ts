/**
 * The platform's commission rates as stored (`commission_rates`, one document `current`) and their
 * freezing onto order lines. The payment callback reads the rates just before its transaction
 * ({@link currentCommissionRates}) and writes {@link freezeCommission}'s lines in the same update
 * that marks each order paid (server/checkout/settle-payment.ts), so each paid line carries the
 * rate of the moment it was paid and later rate changes never touch it. Freezing at payment rather
 * than at order creation follows the domain rule (a rate change while an order waits for payment
 * applies to it) and costs nothing extra: the paid update rewrites the order anyway.
 */
import { type CommissionRates, commissionBpsFor } from '../../domain';
import type { CommissionRatesDoc, OrderLineDoc } from '../model';
import { logEvent } from '../log';
import { repo } from '../repo';

/** The id of the one rates document. */
export const COMMISSION_RATES_ID = 'current';

/** The rate used until a platform admin saves rates: 5%. */
export const DEFAULT_COMMISSION_BPS = 500;

/** The rates of a stored document, or the built-in default when none was saved. */
export function ratesOf(doc: CommissionRatesDoc | null): CommissionRates {
  if (!doc) return { defaultBps: DEFAULT_COMMISSION_BPS, byCategory: {} };
  return { defaultBps: doc.defaultBps, byCategory: Object.fromEntries(doc.categories.map((c) => [c.categoryId, c.bps])) };
}

/**
 * Returns the lines with their commission rate frozen: a line that already has one keeps it (a
 * repeated callback changes nothing); the others take the rate of their category path (root first).
 */
export function freezeCommission(lines: readonly OrderLineDoc[], rates: CommissionRates): OrderLineDoc[] {
  return lines.map((l) => (l.commissionBps !== undefined ? { ...l } : { ...l, commissionBps: commissionBpsFor(l.categoryIds, rates) }));
}

/** The current rates, or null (logged) when they cannot be read: the caller then freezes nothing. */
export async function currentCommissionRates(): Promise<CommissionRates | null> {
  try {
    return ratesOf(await repo.get('commission_rates', COMMISSION_RATES_ID));
  } catch (e) {
    logEvent('commission_rates_unreadable', { error: String((e as Error)?.message ?? e) });
    return null;
  }
}
