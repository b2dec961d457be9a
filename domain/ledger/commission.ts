/**
 * Platform commission on merchant sales.
 *
 * Rates are integer basis points (1 bps = 0.01%, 10 000 bps = 100%): a default rate plus rates
 * per category. A line's rate is that of the most specific category of its category path that has
 * a rate (the last matching id, the path running from the root category to the leaf), else the
 * default. The commission of a line is `fractionOf(baseFen, bps, 10_000)`: it rounds half up to
 * the fen (an exact half fen goes to the platform) and the shop gets the rest, so
 * commission + shop share = base exactly.
 *
 * The base is what the shop sold the line for: `payFen + platformDiscountFen`. A platform coupon
 * is funded by the platform, so the shop is made whole for it (see `settle-order.ts`); a shop
 * coupon is funded by the shop and lowers its base. Rates are frozen on the order when it is paid
 * ({@link commissionBpsFor} into each line's `commissionBps`), so later rate changes never alter
 * the settlement or the refunds of an order already paid.
 */
import { assertFen, Fen, fractionOf } from '../money';

/** Basis points in 100%. */
export const BPS_DENOMINATOR = 10_000;

/** Commission rates in basis points (integers from 0 to 10 000). */
export interface CommissionRates {
  readonly defaultBps: number;
  /** Rates of categories that differ from the default, keyed by category id. */
  readonly byCategory: { readonly [categoryId: string]: number };
}

/** Returns true when `bps` is an integer rate from 0 to 10 000 basis points. */
export function isBps(bps: unknown): bps is number {
  return typeof bps === 'number' && Number.isInteger(bps) && bps >= 0 && bps <= BPS_DENOMINATOR;
}

/** Throws a RangeError unless every rate is an integer from 0 to 10 000 (rates are server data). */
export function assertCommissionRates(rates: CommissionRates): void {
  if (!isBps(rates.defaultBps)) throw new RangeError(`defaultBps must be 0..10000, got ${String(rates.defaultBps)}`);
  for (const [categoryId, bps] of Object.entries(rates.byCategory)) {
    if (!isBps(bps)) throw new RangeError(`rate of category ${categoryId} must be 0..10000, got ${String(bps)}`);
  }
}

/**
 * Returns the rate of a category path (root first): the rate of the last id in the path that has
 * one, else the default rate.
 */
export function commissionBpsFor(categoryIds: readonly string[], rates: CommissionRates): number {
  assertCommissionRates(rates);
  for (let i = categoryIds.length - 1; i >= 0; i--) {
    const id = categoryIds[i];
    if (Object.prototype.hasOwnProperty.call(rates.byCategory, id)) return rates.byCategory[id];
  }
  return rates.defaultBps;
}

/** Returns the commission on `baseFen` at `bps`, rounded half up to the fen. */
export function commissionAt(baseFen: Fen, bps: number): Fen {
  assertFen(baseFen, 'baseFen');
  if (!isBps(bps)) throw new RangeError(`bps must be 0..10000, got ${String(bps)}`);
  return fractionOf(baseFen, bps, BPS_DENOMINATOR);
}

/** Returns the commission of a line whose settlement base is `baseFen` under `rates`. */
export function commissionFor(line: { readonly baseFen: Fen; readonly categoryIds: readonly string[] }, rates: CommissionRates): Fen {
  return commissionAt(line.baseFen, commissionBpsFor(line.categoryIds, rates));
}
