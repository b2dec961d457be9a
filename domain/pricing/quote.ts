/**
 * Prices a checkout: the goods, shipping and coupons of every order in it.
 *
 * Rules:
 * 1. Quantities are integers from 1 to 999 (`INVALID_QUANTITY`); an empty checkout fails with
 *    `EMPTY_CART`. Prices and shipping rules come from the database, so an invalid one (a unit
 *    price under 1 fen, a missing shop rule, a repeated line key) is a bug and throws.
 * 2. Lines are grouped into one order per shop, orders in the order their shop first appears.
 * 3. Shipping is per order: 0 when the order's goods subtotal (before coupons) reaches the shop's
 *    `freeShippingThresholdFen` (when not null), otherwise `shippingFeeFen`.
 * 4. Stacking: at most one platform coupon per checkout and one shop coupon per shop, each coupon
 *    at most once (`COUPON_STACKING_NOT_ALLOWED`); a shop coupon for a shop not in the checkout
 *    fails with `COUPON_NOT_APPLICABLE`.
 * 5. Shop coupons apply first, each on its own shop's eligible lines; the platform coupon then
 *    applies on what remains payable of its eligible lines across all shops (so its threshold is
 *    measured after shop discounts). Any coupon failure (`evaluateCoupon` codes) fails the quote
 *    with `details.userCouponId`.
 * 6. Each coupon's discount is spread over its eligible lines with `allocate`, weighted by what
 *    each line still has to pay, so every line knows its discount and no line goes below 0.
 * 7. Coupons never reduce shipping, and every order pays at least 1 fen (WeChat Pay rejects 0):
 *    when a coupon would bring an order's goods plus shipping to 0, that coupon's share on that
 *    order is reduced by 1 fen (taken from its largest line share), and the fen is not moved to
 *    other orders. A selected coupon that ends with no discount at all fails with
 *    `COUPON_NOT_APPLICABLE`, so a shopper never spends a coupon for nothing.
 * 8. At every level (line, order, checkout) `payFen = goodsFen + shippingFen - discountFen`
 *    (lines have no shipping), lines sum to their order and orders sum to the checkout.
 *    `discountFen = shopDiscountFen + platformDiscountFen`: shop discounts are funded by the
 *    merchant, platform discounts by the platform (settlement needs the split).
 */
import { assertFen, Fen, multiplyFen, sumFen } from '../money';
import { fail, ok, Outcome } from '../result';
import { assertMillis } from '../time';
import type { CouponEvaluationCode } from '../coupon/evaluate-coupon';
import type { UserCoupon } from '../coupon/user-coupon';
import { AppliedCoupon, applyCoupon, PricingLine } from './apply-coupon';
import { CheckoutInput, CheckoutLineInput, MAX_LINE_QUANTITY, ShopShippingRule } from './checkout-input';

/** A failure code of {@link priceCheckout}. */
export type PricingCode = 'EMPTY_CART' | 'INVALID_QUANTITY' | 'COUPON_STACKING_NOT_ALLOWED' | CouponEvaluationCode;

/** One priced line. */
export interface QuoteLine {
  readonly key: string;
  readonly skuId: string;
  readonly goodsId: string;
  readonly unitPriceFen: Fen;
  readonly quantity: number;
  readonly goodsFen: Fen;
  readonly discountFen: Fen;
  readonly shopDiscountFen: Fen;
  readonly platformDiscountFen: Fen;
  readonly payFen: Fen;
}

/** One priced order (one shop). */
export interface QuoteOrder {
  readonly shopId: string;
  readonly lines: readonly QuoteLine[];
  readonly goodsFen: Fen;
  readonly shippingFen: Fen;
  readonly discountFen: Fen;
  readonly shopDiscountFen: Fen;
  readonly platformDiscountFen: Fen;
  readonly payFen: Fen;
  /** The coupons that gave this order a discount, in the order they were applied. */
  readonly couponIds: readonly string[];
  /** The share of each of those coupons on this order (for refunds and merchant settlement). */
  readonly couponDiscounts: ReadonlyArray<{ readonly userCouponId: string; readonly discountFen: Fen }>;
}

/** A priced checkout. */
export interface Quote {
  readonly orders: readonly QuoteOrder[];
  readonly goodsFen: Fen;
  readonly shippingFen: Fen;
  readonly discountFen: Fen;
  readonly payFen: Fen;
  /** Every selected coupon with its discount, shop coupons first (in order of the orders), then the platform coupon. */
  readonly appliedCoupons: ReadonlyArray<{ readonly userCouponId: string; readonly discountFen: Fen }>;
}

/** Returns the shipping of an order with this goods subtotal under a shop's rule. */
export function shippingFor(rule: ShopShippingRule, goodsFen: Fen): Fen {
  assertFen(rule.shippingFeeFen, 'shippingFeeFen');
  if (rule.freeShippingThresholdFen !== null) {
    assertFen(rule.freeShippingThresholdFen, 'freeShippingThresholdFen');
    if (goodsFen >= rule.freeShippingThresholdFen) return 0;
  }
  return rule.shippingFeeFen;
}

function checkLines(lines: readonly CheckoutLineInput[]): Outcome<null, PricingCode> {
  if (lines.length === 0) return fail('EMPTY_CART', 'there is nothing to check out');
  const keys = new Set<string>();
  for (const line of lines) {
    if (typeof line.key !== 'string' || line.key === '' || keys.has(line.key)) {
      throw new Error(`line keys must be unique non-empty strings, got ${JSON.stringify(line.key)}`);
    }
    keys.add(line.key);
    assertFen(line.unitPriceFen, `line ${line.key} unitPriceFen`);
    if (line.unitPriceFen < 1) throw new RangeError(`line ${line.key} has a price under 1 fen`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      return fail('INVALID_QUANTITY', `a quantity must be an integer from 1 to ${MAX_LINE_QUANTITY}`, {
        key: line.key,
        quantity: Number.isFinite(line.quantity) ? line.quantity : String(line.quantity),
        maxQuantity: MAX_LINE_QUANTITY,
      });
    }
  }
  return ok(null);
}

function checkStacking(coupons: readonly UserCoupon[], shopIds: readonly string[]): Outcome<null, PricingCode> {
  const seen = new Set<string>();
  for (const coupon of coupons) {
    if (seen.has(coupon.id)) {
      return fail('COUPON_STACKING_NOT_ALLOWED', 'a coupon can be used only once', { userCouponId: coupon.id });
    }
    seen.add(coupon.id);
  }
  const platform = coupons.filter((c) => c.template.issuer.type === 'platform');
  if (platform.length > 1) {
    return fail('COUPON_STACKING_NOT_ALLOWED', 'only one platform coupon can be used per checkout', {
      userCouponIds: platform.map((c) => c.id),
    });
  }
  const byShop = new Map<string, string[]>();
  for (const coupon of coupons) {
    const issuer = coupon.template.issuer;
    if (issuer.type !== 'shop') continue;
    if (!shopIds.includes(issuer.shopId)) {
      return fail('COUPON_NOT_APPLICABLE', 'this shop coupon is for a shop not in this checkout', {
        userCouponId: coupon.id,
        shopId: issuer.shopId,
      });
    }
    byShop.set(issuer.shopId, [...(byShop.get(issuer.shopId) ?? []), coupon.id]);
  }
  for (const [shopId, ids] of byShop) {
    if (ids.length > 1) {
      return fail('COUPON_STACKING_NOT_ALLOWED', 'only one coupon per shop can be used', { shopId, userCouponIds: ids });
    }
  }
  return ok(null);
}

/** Prices a checkout under the rules in this file's header. */
export function priceCheckout(input: CheckoutInput): Outcome<Quote, PricingCode> {
  assertMillis(input.now, 'now');
  const linesOk = checkLines(input.lines);
  if (!linesOk.ok) return linesOk;

  const shopIds = [...new Set(input.lines.map((l) => l.shopId))];
  const shippingByShop = new Map<string, Fen>();
  for (const shopId of shopIds) {
    const rule = Object.prototype.hasOwnProperty.call(input.shops, shopId) ? input.shops[shopId] : undefined;
    if (!rule) throw new Error(`no shipping rule for shop ${shopId}`);
    const goods = sumFen(input.lines.filter((l) => l.shopId === shopId).map((l) => multiplyFen(l.unitPriceFen, l.quantity)));
    shippingByShop.set(shopId, shippingFor(rule, goods));
  }

  const stackingOk = checkStacking(input.coupons, shopIds);
  if (!stackingOk.ok) return stackingOk;

  const pricing: PricingLine[] = input.lines.map((l) => ({
    key: l.key,
    goodsId: l.goodsId,
    shopId: l.shopId,
    categoryIds: l.categoryIds,
    goodsFen: multiplyFen(l.unitPriceFen, l.quantity),
    shopDiscountFen: 0,
    platformDiscountFen: 0,
  }));
  const shopCoupons = shopIds.flatMap((shopId) =>
    input.coupons.filter((c) => c.template.issuer.type === 'shop' && c.template.issuer.shopId === shopId),
  );
  const platformCoupons = input.coupons.filter((c) => c.template.issuer.type === 'platform');
  const applications: Array<{ userCouponId: string; applied: AppliedCoupon }> = [];
  for (const coupon of [...shopCoupons, ...platformCoupons]) {
    const applied = applyCoupon(coupon, pricing, shippingByShop, input.now);
    if (!applied.ok) return applied;
    applications.push({ userCouponId: coupon.id, applied: applied.value });
  }

  const orders = shopIds.map((shopId): QuoteOrder => {
    const lines = input.lines.flatMap((line, i): QuoteLine[] => {
      if (line.shopId !== shopId) return [];
      const p = pricing[i];
      const discountFen = p.shopDiscountFen + p.platformDiscountFen;
      return [
        {
          key: line.key,
          skuId: line.skuId,
          goodsId: line.goodsId,
          unitPriceFen: line.unitPriceFen,
          quantity: line.quantity,
          goodsFen: p.goodsFen,
          discountFen,
          shopDiscountFen: p.shopDiscountFen,
          platformDiscountFen: p.platformDiscountFen,
          payFen: p.goodsFen - discountFen,
        },
      ];
    });
    const couponDiscounts = applications.flatMap(({ userCouponId, applied }) => {
      const discountFen = lines.reduce((sum, l) => sum + (applied.lineDiscounts.get(l.key) ?? 0), 0);
      return discountFen > 0 ? [{ userCouponId, discountFen }] : [];
    });
    const goodsFen = sumFen(lines.map((l) => l.goodsFen));
    const shippingFen = shippingByShop.get(shopId) ?? 0;
    const discountFen = sumFen(lines.map((l) => l.discountFen));
    return {
      shopId,
      lines,
      goodsFen,
      shippingFen,
      discountFen,
      shopDiscountFen: sumFen(lines.map((l) => l.shopDiscountFen)),
      platformDiscountFen: sumFen(lines.map((l) => l.platformDiscountFen)),
      payFen: goodsFen + shippingFen - discountFen,
      couponIds: couponDiscounts.map((c) => c.userCouponId),
      couponDiscounts,
    };
  });

  return ok({
    orders,
    goodsFen: sumFen(orders.map((o) => o.goodsFen)),
    shippingFen: sumFen(orders.map((o) => o.shippingFen)),
    discountFen: sumFen(orders.map((o) => o.discountFen)),
    payFen: sumFen(orders.map((o) => o.payFen)),
    appliedCoupons: applications.map(({ userCouponId, applied }) => ({ userCouponId, discountFen: applied.discountFen })),
  });
}
