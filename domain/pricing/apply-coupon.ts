/**
 * One step of pricing: applying one coupon to the lines of a checkout. Internal to `pricing/`;
 * `quote.ts` documents the rules.
 */
import { allocate, Fen } from '../money';
import { fail, ok, Outcome } from '../result';
import type { UserCoupon } from '../coupon/user-coupon';
import { CouponEvaluationCode, evaluateCoupon } from '../coupon/evaluate-coupon';

/** A line while it is being priced. */
export interface PricingLine {
  readonly key: string;
  readonly goodsId: string;
  readonly shopId: string;
  readonly categoryIds: readonly string[];
  readonly goodsFen: Fen;
  shopDiscountFen: Fen;
  platformDiscountFen: Fen;
}

/** Returns what is still payable for a line's goods. */
export function linePayable(line: PricingLine): Fen {
  return line.goodsFen - line.shopDiscountFen - line.platformDiscountFen;
}

/** What one coupon gave: its total and its share on each line it discounted (lines with 0 left out). */
export interface AppliedCoupon {
  readonly discountFen: Fen;
  readonly lineDiscounts: ReadonlyMap<string, Fen>;
}

/**
 * Applies `coupon` to `lines` in place: evaluates it on what is still payable, spreads its
 * discount over its eligible lines with `allocate` (weights = payable amounts), then gives back
 * fen of this coupon's share on any order that would otherwise pay nothing, so each order pays at
 * least 1 fen. Returns the coupon's final discount and line shares; a coupon left with no discount fails with
 * `COUPON_NOT_APPLICABLE` and leaves the lines untouched.
 */
export function applyCoupon(
  coupon: UserCoupon,
  lines: readonly PricingLine[],
  shippingByShop: ReadonlyMap<string, Fen>,
  now: number,
): Outcome<AppliedCoupon, CouponEvaluationCode> {
  const evaluation = evaluateCoupon(
    coupon,
    lines.map((l) => ({ key: l.key, goodsId: l.goodsId, shopId: l.shopId, categoryIds: l.categoryIds, amountFen: linePayable(l) })),
    now,
  );
  if (!evaluation.ok) return evaluation;
  const { discountFen, eligibleLineKeys } = evaluation.value;
  const eligible = eligibleLineKeys.map((key) => {
    const line = lines.find((l) => l.key === key);
    if (!line) throw new Error(`evaluateCoupon returned an unknown line ${key}`);
    return line;
  });
  const shares = allocate(discountFen, eligible.map(linePayable));

  for (const shopId of new Set(eligible.map((l) => l.shopId))) {
    const orderLines = lines.filter((l) => l.shopId === shopId);
    const shipping = shippingByShop.get(shopId) ?? 0;
    const payable = orderLines.reduce((sum, l) => sum + linePayable(l), shipping);
    const taken = eligible.reduce((sum, l, i) => (l.shopId === shopId ? sum + shares[i] : sum), 0);
    let giveBack = Math.max(0, 1 - (payable - taken));
    while (giveBack > 0) {
      // Take back from this order's largest share first; ties go to the earlier line.
      let largest = -1;
      eligible.forEach((l, i) => {
        if (l.shopId === shopId && shares[i] > 0 && (largest < 0 || shares[i] > shares[largest])) largest = i;
      });
      if (largest < 0) throw new Error(`order of shop ${shopId} had nothing payable before coupon ${coupon.id}`);
      const back = Math.min(giveBack, shares[largest]);
      shares[largest] -= back;
      giveBack -= back;
    }
  }

  const applied = shares.reduce((a, b) => a + b, 0);
  if (applied === 0) {
    return fail('COUPON_NOT_APPLICABLE', 'this coupon leaves no discount on these goods', { userCouponId: coupon.id });
  }
  const platform = coupon.template.issuer.type === 'platform';
  const lineDiscounts = new Map<string, Fen>();
  eligible.forEach((line, i) => {
    if (shares[i] === 0) return;
    if (platform) line.platformDiscountFen += shares[i];
    else line.shopDiscountFen += shares[i];
    lineDiscounts.set(line.key, shares[i]);
  });
  return ok({ discountFen: applied, lineDiscounts });
}
