/**
 * Property spec: random carts and coupons (seeded, so every failure names a reproducible seed and
 * case) must always give a quote whose amounts add up at every level.
 */
import type { CouponScope } from '../coupon/coupon-template';
import type { UserCoupon } from '../coupon/user-coupon';
import { makeCoupon, T0 } from '../testing/coupon-fixtures';
import { makeLine, shipping } from '../testing/checkout-fixtures';
import { SeededRandom, seededRandom } from '../testing/seeded-random';
import type { CheckoutInput, CheckoutLineInput, ShopShippingRule } from './checkout-input';
import { priceCheckout, Quote } from './quote';

const CATEGORIES = ['c1', 'c2', 'c3'];

function randomScope(rng: SeededRandom, goodsIds: string[]): CouponScope {
  const roll = rng.int(0, 2);
  if (roll === 0) return { type: 'all' };
  if (roll === 1) return { type: 'categories', categoryIds: [rng.pick(CATEGORIES)] };
  return { type: 'goods', goodsIds: [rng.pick(goodsIds), rng.pick(goodsIds)].filter((g, i, a) => a.indexOf(g) === i) };
}

function randomCoupon(rng: SeededRandom, id: string, goodsIds: string[], shopId?: string): UserCoupon {
  const issuer = shopId ? ({ type: 'shop', shopId } as const) : ({ type: 'platform' } as const);
  const scope = randomScope(rng, goodsIds);
  // Large amounts on purpose: they drive orders towards 0 and exercise the 1-fen rule.
  const amountFen = rng.pick([rng.int(1, 500), rng.int(1, 20_000), rng.int(50_000, 500_000)]);
  switch (rng.int(0, 2)) {
    case 0:
      return makeCoupon(id, { kind: 'fixed', amountFen, issuer, scope });
    case 1:
      return makeCoupon(id, { kind: 'threshold', amountFen, thresholdFen: amountFen + rng.int(0, 20_000), issuer, scope });
    default:
      return makeCoupon(id, {
        kind: 'percent',
        percent: rng.int(1, 99),
        issuer,
        scope,
        ...(rng.chance(0.4) ? { maxDiscountFen: rng.int(1, 30_000) } : {}),
        ...(rng.chance(0.3) ? { thresholdFen: rng.int(1, 30_000) } : {}),
      });
  }
}

function randomInput(rng: SeededRandom): CheckoutInput {
  const shopIds = ['A', 'B', 'C', 'D'].slice(0, rng.int(1, 4));
  const shops: Record<string, ShopShippingRule> = {};
  for (const id of shopIds) {
    shops[id] = shipping(rng.chance(0.5) ? 0 : rng.int(1, 1500), rng.chance(0.5) ? null : rng.int(0, 30_000));
  }
  const lines: CheckoutLineInput[] = [];
  const count = rng.int(1, 10);
  for (let i = 0; i < count; i++) {
    const cats = CATEGORIES.filter(() => rng.chance(0.4));
    lines.push(
      makeLine(`l${i}`, rng.pick(shopIds), rng.pick([rng.int(1, 10), rng.int(1, 50_000)]), rng.int(1, 5), {
        goodsId: `g${rng.int(0, 6)}`,
        categoryIds: cats,
      }),
    );
  }
  const goodsIds = lines.map((l) => l.goodsId);
  const coupons: UserCoupon[] = [];
  for (const shopId of new Set(lines.map((l) => l.shopId))) {
    if (rng.chance(0.6)) coupons.push(randomCoupon(rng, `s-${shopId}`, goodsIds, shopId));
  }
  if (rng.chance(0.7)) coupons.push(randomCoupon(rng, 'p', goodsIds));
  return { lines, shops, coupons, now: T0 + 1 };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Returns the broken invariants of a quote (empty when it is sound). */
function violations(quote: Quote, input: CheckoutInput): string[] {
  const out: string[] = [];
  const check = (cond: boolean, what: string): void => {
    if (!cond) out.push(what);
  };
  const allLines = quote.orders.flatMap((o) => o.lines);
  check(allLines.length === input.lines.length, 'every input line is priced once');
  for (const l of allLines) {
    const where = `line ${l.key}`;
    check(l.goodsFen === l.unitPriceFen * l.quantity, `${where}: goods = price x quantity`);
    check(l.discountFen === l.shopDiscountFen + l.platformDiscountFen, `${where}: discount split`);
    check(l.payFen === l.goodsFen - l.discountFen, `${where}: pay = goods - discount`);
    check([l.discountFen, l.shopDiscountFen, l.platformDiscountFen, l.payFen].every((n) => Number.isSafeInteger(n) && n >= 0), `${where}: non-negative integers`);
  }
  for (const o of quote.orders) {
    const where = `order ${o.shopId}`;
    check(o.goodsFen === sum(o.lines.map((l) => l.goodsFen)), `${where}: goods = sum of lines`);
    check(o.discountFen === sum(o.lines.map((l) => l.discountFen)), `${where}: discount = sum of lines`);
    check(o.shopDiscountFen === sum(o.lines.map((l) => l.shopDiscountFen)), `${where}: shop discount = sum of lines`);
    check(o.platformDiscountFen === sum(o.lines.map((l) => l.platformDiscountFen)), `${where}: platform discount = sum of lines`);
    check(o.payFen === o.goodsFen + o.shippingFen - o.discountFen, `${where}: pay = goods + shipping - discount`);
    check(o.payFen >= 1, `${where}: pays at least 1 fen`);
    check(o.payFen >= o.shippingFen, `${where}: coupons never reduce shipping`);
    check(o.lines.every((l) => input.lines.find((x) => x.key === l.key)?.shopId === o.shopId), `${where}: only its shop's lines`);
    check(o.discountFen === sum(o.couponDiscounts.map((c) => c.discountFen)), `${where}: coupon shares add up`);
  }
  check(quote.goodsFen === sum(quote.orders.map((o) => o.goodsFen)), 'total goods = sum of orders');
  check(quote.shippingFen === sum(quote.orders.map((o) => o.shippingFen)), 'total shipping = sum of orders');
  check(quote.discountFen === sum(quote.orders.map((o) => o.discountFen)), 'total discount = sum of orders');
  check(quote.payFen === sum(quote.orders.map((o) => o.payFen)), 'total pay = sum of orders');
  check(quote.payFen === quote.goodsFen + quote.shippingFen - quote.discountFen, 'total pay = goods + shipping - discount');
  check(quote.discountFen === sum(quote.appliedCoupons.map((c) => c.discountFen)), 'applied coupons add up to the discount');
  check(quote.appliedCoupons.length === input.coupons.length && quote.appliedCoupons.every((c) => c.discountFen > 0), 'every selected coupon gives something');
  for (const c of quote.appliedCoupons) {
    const perOrder = sum(quote.orders.flatMap((o) => o.couponDiscounts.filter((d) => d.userCouponId === c.userCouponId).map((d) => d.discountFen)));
    check(perOrder === c.discountFen, `coupon ${c.userCouponId}: order shares add up`);
    const coupon = input.coupons.find((x) => x.id === c.userCouponId);
    if (coupon?.template.issuer.type === 'shop') {
      const shopId = coupon.template.issuer.shopId;
      check(quote.orders.every((o) => o.shopId === shopId || !o.couponIds.includes(c.userCouponId)), `coupon ${c.userCouponId}: stays in its shop`);
    }
    if (coupon?.template.kind !== 'percent' && coupon?.template.amountFen !== undefined) {
      check(c.discountFen <= coupon.template.amountFen, `coupon ${c.userCouponId}: not above its amount`);
    }
  }
  return out;
}

describe('priceCheckout properties (seeded)', () => {
  const SEEDS = [11, 22, 33, 44, 55, 66, 77, 88];
  const CASES = 400;

  it.each(SEEDS)('holds every invariant for %i', (seed) => {
    const rng = seededRandom(seed);
    let priced = 0;
    let oneFen = 0;
    for (let c = 0; c < CASES; c++) {
      const input = randomInput(rng);
      const result = priceCheckout(input);
      const context = `seed=${seed} case=${c}`;
      if (!result.ok) {
        expect({ context, code: ['COUPON_THRESHOLD_NOT_MET', 'COUPON_NOT_APPLICABLE'].includes(result.code) }).toEqual({ context, code: true });
        // Without coupons the same cart must always price.
        expect({ context, ok: priceCheckout({ ...input, coupons: [] }).ok }).toEqual({ context, ok: true });
        continue;
      }
      priced++;
      if (result.value.orders.some((o) => o.payFen === 1 && o.discountFen > 0)) oneFen++;
      expect({ context, violations: violations(result.value, input) }).toEqual({ context, violations: [] });
      // Pricing is deterministic.
      expect(priceCheckout(input)).toEqual(result);
    }
    // The generator must exercise both the normal path and the 1-fen rule.
    expect(priced).toBeGreaterThan(CASES / 4);
    expect(oneFen).toBeGreaterThan(0);
  });
});
