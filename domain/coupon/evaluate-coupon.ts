/**
 * What one claimed coupon is worth against a set of order lines at a given time.
 *
 * Checks, in order: status (used, locked by another unpaid order, expired), validity window
 * `[validFrom, validTo)`, eligible lines (covered by the coupon and with an amount left to
 * discount), then the kind's minimum spend against the eligible subtotal. The discount comes from
 * the kind in the registry and never exceeds the eligible subtotal. `amountFen` of a line is what
 * is still payable for it when the coupon is evaluated (after shop coupons, for a platform coupon).
 */
import { assertFen, Fen, sumFen } from '../money';
import { fail, ok, Outcome } from '../result';
import { assertMillis } from '../time';
import { couponKind } from './coupon-kinds';
import { couponCovers, CoverableGoods } from './coupon-template';
import type { UserCoupon } from './user-coupon';

/** An order line as a coupon sees it. */
export interface CouponLine extends CoverableGoods {
  readonly key: string;
  /** The amount still payable for the line, in fen. */
  readonly amountFen: Fen;
}

/** What a usable coupon gives. */
export interface CouponEvaluation {
  readonly discountFen: Fen;
  /** The keys of the lines the coupon covers that have an amount left, in input order. */
  readonly eligibleLineKeys: readonly string[];
  readonly eligibleSubtotalFen: Fen;
}

/** A failure code of {@link evaluateCoupon}. */
export type CouponEvaluationCode =
  | 'COUPON_ALREADY_USED'
  | 'COUPON_LOCKED'
  | 'COUPON_EXPIRED'
  | 'COUPON_NOT_USABLE_YET'
  | 'COUPON_NOT_APPLICABLE'
  | 'COUPON_THRESHOLD_NOT_MET';

/** Evaluates a claimed coupon against `lines` at `now`. */
export function evaluateCoupon(
  coupon: UserCoupon,
  lines: readonly CouponLine[],
  now: number,
): Outcome<CouponEvaluation, CouponEvaluationCode> {
  assertMillis(now, 'now');
  const id = { userCouponId: coupon.id };
  switch (coupon.status) {
    case 'used':
      return fail('COUPON_ALREADY_USED', 'this coupon has already been used', id);
    case 'locked':
      return fail('COUPON_LOCKED', 'this coupon is held by another unpaid order', id);
    case 'expired':
      return fail('COUPON_EXPIRED', 'this coupon has expired', id);
    case 'unused':
      break;
  }
  if (now >= coupon.validTo) return fail('COUPON_EXPIRED', 'this coupon has expired', { ...id, validTo: coupon.validTo });
  if (now < coupon.validFrom) {
    return fail('COUPON_NOT_USABLE_YET', 'this coupon cannot be used yet', { ...id, validFrom: coupon.validFrom });
  }
  const eligible = lines.filter((line) => {
    assertFen(line.amountFen, `line ${line.key} amountFen`);
    return line.amountFen > 0 && couponCovers(coupon.template, line);
  });
  if (eligible.length === 0) return fail('COUPON_NOT_APPLICABLE', 'no goods in this order can use this coupon', id);
  const eligibleSubtotalFen = sumFen(eligible.map((l) => l.amountFen));
  const kind = couponKind(coupon.template.kind);
  const thresholdFen = kind.minimumSpendFen(coupon.template);
  if (eligibleSubtotalFen < thresholdFen) {
    return fail('COUPON_THRESHOLD_NOT_MET', 'the eligible goods do not reach the minimum spend', {
      ...id,
      thresholdFen,
      eligibleSubtotalFen,
      missingFen: thresholdFen - eligibleSubtotalFen,
    });
  }
  const discountFen = Math.min(kind.discount(eligibleSubtotalFen, coupon.template), eligibleSubtotalFen);
  return ok({ discountFen, eligibleLineKeys: eligible.map((l) => l.key), eligibleSubtotalFen });
}
