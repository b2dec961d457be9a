/**
 * The checkout coupon picker: which of the shopper's coupons can be used on this checkout, and
 * which combination to preselect.
 *
 * Usability is judged for each coupon alone on the checkout (the picker shows the reason code of
 * an unusable one, such as `COUPON_THRESHOLD_NOT_MET` with the missing amount). The suggestion is
 * greedy, following the order pricing applies coupons in: for each shop, the usable shop coupon
 * with the largest discount; then the platform coupon giving the largest total discount on top of
 * those. Ties go to the coupon expiring first, then to the earlier one in `available`. Greedy is
 * not always optimal: a large shop coupon can push the remaining amount below a platform
 * coupon's threshold where a smaller shop coupon plus that platform coupon would save more. The
 * shopper can still pick another combination, which `priceCheckout` prices exactly.
 */
import type { Fen } from '../money';
import { FailureDetails, ok, Outcome, unwrap } from '../result';
import type { UserCoupon } from '../coupon/user-coupon';
import type { CheckoutBasket } from './checkout-input';
import { priceCheckout, PricingCode, Quote } from './quote';

/** Whether one coupon can be used on the checkout by itself. */
export type CouponOption =
  | { readonly userCouponId: string; readonly usable: true; readonly discountFen: Fen }
  | {
      readonly userCouponId: string;
      readonly usable: false;
      readonly code: PricingCode;
      readonly message: string;
      readonly details?: FailureDetails;
    };

/** The suggested coupons with their quote, and the usability of every available coupon. */
export interface CouponSuggestion {
  /** The suggested coupon ids: shop coupons in order of the orders, then the platform coupon. */
  readonly couponIds: readonly string[];
  readonly quote: Quote;
  /** One entry per available coupon, in the order given. */
  readonly options: readonly CouponOption[];
}

interface Candidate {
  readonly coupon: UserCoupon;
  readonly index: number;
  readonly discountFen: Fen;
}

/** Returns the best candidate: largest discount, then earliest expiry, then earliest in the list. */
function best(candidates: readonly Candidate[]): Candidate | undefined {
  return [...candidates].sort(
    (a, b) => b.discountFen - a.discountFen || a.coupon.validTo - b.coupon.validTo || a.index - b.index,
  )[0];
}

/**
 * Suggests the coupons to preselect for a checkout and reports each available coupon's
 * usability. Fails only when the basket itself cannot be priced (`EMPTY_CART`, `INVALID_QUANTITY`).
 */
export function suggestBestCoupons(
  basket: CheckoutBasket,
  available: readonly UserCoupon[],
  now: number,
): Outcome<CouponSuggestion, PricingCode> {
  const base = priceCheckout({ ...basket, coupons: [], now });
  if (!base.ok) return base;
  if (new Set(available.map((c) => c.id)).size !== available.length) throw new Error('available coupons repeat an id');

  const usable: Candidate[] = [];
  const options = available.map((coupon, index): CouponOption => {
    const alone = priceCheckout({ ...basket, coupons: [coupon], now });
    if (!alone.ok) {
      const { code, message, details } = alone;
      const option = { userCouponId: coupon.id, usable: false as const, code, message };
      return details === undefined ? option : { ...option, details };
    }
    usable.push({ coupon, index, discountFen: alone.value.discountFen });
    return { userCouponId: coupon.id, usable: true, discountFen: alone.value.discountFen };
  });

  // Shop coupons only touch their own order, so each shop's best coupon alone is its best in any combination.
  const shopPicks = base.value.orders.flatMap((order) => {
    const pick = best(usable.filter((c) => c.coupon.template.issuer.type === 'shop' && c.coupon.template.issuer.shopId === order.shopId));
    return pick ? [pick.coupon] : [];
  });
  const platformCandidates = usable.flatMap((c): Candidate[] => {
    if (c.coupon.template.issuer.type !== 'platform') return [];
    const together = priceCheckout({ ...basket, coupons: [...shopPicks, c.coupon], now });
    return together.ok ? [{ ...c, discountFen: together.value.discountFen }] : [];
  });
  const platformPick = best(platformCandidates);
  const selected = platformPick ? [...shopPicks, platformPick.coupon] : shopPicks;
  const quote = unwrap(priceCheckout({ ...basket, coupons: selected, now }));
  return ok({ couponIds: selected.map((c) => c.id), quote, options });
}

