/**
 * The shape of a coupon kind in the declarative registry (`coupon-kinds.ts`), after Vendure's
 * promotion actions: each kind is one small object in its own file that validates its own fields
 * and computes its discount. Adding a kind means adding one file and one registry entry.
 */
import type { Fen } from '../money';
import type { CouponKind, CouponTerms } from './coupon-template';

/** One kind of coupon. */
export interface CouponKindDefinition<K extends CouponKind = CouponKind> {
  readonly kind: K;
  /** A one-line description for admin screens and docs. */
  readonly description: string;
  /** Returns the problems with the kind-specific fields as `field: reason` strings; empty when valid. */
  validate(terms: CouponTerms): string[];
  /** Returns the eligible spend the coupon needs before it applies (0 when it has no threshold). */
  minimumSpendFen(terms: CouponTerms): Fen;
  /**
   * Returns the discount for an eligible subtotal that meets the minimum spend. The result never
   * exceeds the subtotal. Throws when the terms were not validated (a bug).
   */
  discount(eligibleSubtotalFen: Fen, terms: CouponTerms): Fen;
}

/** Returns a problem string unless `value` is a fen amount of at least `min`. */
export function fenProblem(field: string, value: unknown, min: number): string[] {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min
    ? []
    : [`${field}: must be an integer number of fen >= ${min}`];
}

/** Returns a problem string for each listed field that is present although the kind does not use it. */
export function unusedFieldProblems(terms: CouponTerms, fields: ReadonlyArray<keyof CouponTerms>): string[] {
  return fields.filter((f) => terms[f] !== undefined).map((f) => `${f}: not used by ${terms.kind} coupons`);
}

/** Returns a required field of validated terms, throwing when it is missing (a bug). */
export function requiredField<F extends 'amountFen' | 'thresholdFen' | 'percent'>(terms: CouponTerms, field: F): number {
  const value = terms[field];
  if (value === undefined) throw new Error(`${terms.kind} coupon terms lack ${field}; validate the template first`);
  return value;
}
