/**
 * A coupon claimed by one shopper. It carries a snapshot of the template's pricing terms taken at
 * claim time, so pricing never reads the template again and later template edits never change a
 * coupon already in a wallet.
 */
import { assertMillis } from '../time';
import { validityFor } from './can-claim';
import { CouponTemplate, CouponTerms, snapshotTerms } from './coupon-template';
import type { UserCouponStatus } from './user-coupon-machine';

/** A coupon in a shopper's wallet; usable in `[validFrom, validTo)`. */
export interface UserCoupon {
  readonly id: string;
  readonly templateId: string;
  readonly openid: string;
  readonly status: UserCouponStatus;
  readonly validFrom: number;
  readonly validTo: number;
  /** The template's pricing terms at claim time. */
  readonly template: CouponTerms;
}

/**
 * Builds the coupon a shopper receives when claiming `template` at `claimedAt`. It does not check
 * whether claiming is allowed: call `canClaim` first, and count the claim atomically in the same
 * transaction (a read-then-write count lets concurrent claims exceed the quantity).
 */
export function issueUserCoupon(
  template: CouponTemplate,
  claim: { readonly id: string; readonly openid: string; readonly claimedAt: number },
): UserCoupon {
  assertMillis(claim.claimedAt, 'claimedAt');
  const { validFrom, validTo } = validityFor(template, claim.claimedAt);
  return {
    id: claim.id,
    templateId: template.id,
    openid: claim.openid,
    status: 'unused',
    validFrom,
    validTo,
    template: snapshotTerms(template),
  };
}
