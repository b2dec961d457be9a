/**
 * Whether a shopper may claim a coupon from a template now, and how long the claimed coupon is
 * valid. Claim counts are passed in; the handler must still increment them atomically (a
 * conditional update inside a transaction) because two concurrent claims can both pass this check.
 */
import { fail, ok, Outcome } from '../result';
import { assertMillis, DAY_MS } from '../time';
import type { CouponTemplate } from './coupon-template';

/** A failure code of {@link canClaim}. */
export type ClaimCode = 'COUPON_PAUSED' | 'COUPON_NOT_STARTED' | 'COUPON_ENDED' | 'COUPON_SOLD_OUT' | 'COUPON_LIMIT_REACHED';

/** The period in which a claimed coupon can be used: `[validFrom, validTo)`. */
export interface CouponValidityWindow {
  readonly validFrom: number;
  readonly validTo: number;
}

/**
 * Returns the validity of a coupon claimed at `claimedAt`: the template's fixed window, or from
 * the claim moment for `days` times 24 hours (no rounding to the end of a calendar day, so the
 * result does not depend on a time zone).
 */
export function validityFor(template: Pick<CouponTemplate, 'validity'>, claimedAt: number): CouponValidityWindow {
  const validity = template.validity;
  if (validity.type === 'fixed') return { validFrom: validity.startAt, validTo: validity.endAt };
  return { validFrom: claimedAt, validTo: claimedAt + validity.days * DAY_MS };
}

/**
 * Checks whether a shopper who already claimed `claimedByUser` coupons of this template may claim
 * another at `now`, when `claimedTotal` were claimed by everyone. The checks run in this order:
 * paused, claim window not started, claim window (or fixed validity) ended, sold out, per-user
 * limit. On success returns the validity the new coupon would get.
 */
export function canClaim(
  template: CouponTemplate,
  context: { readonly now: number; readonly claimedByUser: number; readonly claimedTotal: number },
): Outcome<CouponValidityWindow, ClaimCode> {
  const { now, claimedByUser, claimedTotal } = context;
  assertMillis(now, 'now');
  if (template.status === 'paused') return fail('COUPON_PAUSED', 'this coupon is paused');
  if (now < template.claimWindow.startAt) {
    return fail('COUPON_NOT_STARTED', 'claiming has not started yet', { startAt: template.claimWindow.startAt });
  }
  const validity = validityFor(template, now);
  if (now >= template.claimWindow.endAt || now >= validity.validTo) {
    return fail('COUPON_ENDED', 'claiming has ended', { endAt: Math.min(template.claimWindow.endAt, validity.validTo) });
  }
  if (claimedTotal >= template.totalQuantity) {
    return fail('COUPON_SOLD_OUT', 'all coupons have been claimed', { totalQuantity: template.totalQuantity });
  }
  if (claimedByUser >= template.perUserLimit) {
    return fail('COUPON_LIMIT_REACHED', 'you have claimed the maximum number of this coupon', {
      perUserLimit: template.perUserLimit,
    });
  }
  return ok(validity);
}
