/**
 * The registry of coupon kinds. Pricing and validation look a kind up here and never switch on
 * `kind` themselves, so a new kind is one new file plus one entry below.
 */
import type { CouponKindDefinition } from './coupon-kind';
import type { CouponKind } from './coupon-template';
import { fixedCoupon } from './fixed-coupon';
import { percentCoupon } from './percent-coupon';
import { thresholdCoupon } from './threshold-coupon';

/** Every coupon kind, keyed by kind. */
export const COUPON_KINDS: { readonly [K in CouponKind]: CouponKindDefinition<K> } = {
  fixed: fixedCoupon,
  threshold: thresholdCoupon,
  percent: percentCoupon,
};

/** Returns the definition of a kind, or undefined for an unknown kind (data from outside). */
export function findCouponKind(kind: string): CouponKindDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(COUPON_KINDS, kind) ? COUPON_KINDS[kind as CouponKind] : undefined;
}

/** Returns the definition of a kind, throwing for an unknown kind (a bug once templates are validated). */
export function couponKind(kind: CouponKind): CouponKindDefinition {
  const definition = findCouponKind(kind);
  if (!definition) throw new Error(`unknown coupon kind ${String(kind)}`);
  return definition;
}
