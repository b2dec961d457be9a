import { unwrap } from '../result';
import { fixed, makeCoupon, percent, T0, threshold } from '../testing/coupon-fixtures';
import { makeLine, shipping } from '../testing/checkout-fixtures';
import type { CheckoutInput } from './checkout-input';
import { priceCheckout, shippingFor } from './quote';

const now = T0 + 1000;
const input = (overrides: Partial<CheckoutInput>): CheckoutInput => ({
  lines: [makeLine('a1', 'A', 5000)],
  shops: { A: shipping(800, 9900), B: shipping(500, null) },
  coupons: [],
  now,
  ...overrides,
});

describe('shippingFor', () => {
  it('waives shipping from the threshold on, and never when it is null', () => {
    expect(shippingFor(shipping(800, 9900), 9899)).toBe(800);
    expect(shippingFor(shipping(800, 9900), 9900)).toBe(0);
    expect(shippingFor(shipping(800, null), 1_000_000)).toBe(800);
    expect(() => shippingFor(shipping(-1, null), 10)).toThrow(RangeError);
  });
});

describe('priceCheckout without coupons', () => {
  it('groups lines per shop in order of first appearance and adds shipping per order', () => {
    const quote = unwrap(
      priceCheckout(input({ lines: [makeLine('b1', 'B', 1000, 2), makeLine('a1', 'A', 4950, 2), makeLine('b2', 'B', 300)] })),
    );
    expect(quote.orders.map((o) => [o.shopId, o.lines.map((l) => l.key)])).toEqual([
      ['B', ['b1', 'b2']],
      ['A', ['a1']],
    ]);
    expect(quote.orders.map((o) => [o.goodsFen, o.shippingFen, o.payFen])).toEqual([
      [2300, 500, 2800],
      [9900, 0, 9900],
    ]);
    expect(quote).toMatchObject({ goodsFen: 12200, shippingFen: 500, discountFen: 0, payFen: 12700, appliedCoupons: [] });
    expect(quote.orders[0].lines[0]).toEqual({
      key: 'b1',
      skuId: 'sku-b1',
      goodsId: 'goods-b1',
      unitPriceFen: 1000,
      quantity: 2,
      goodsFen: 2000,
      discountFen: 0,
      shopDiscountFen: 0,
      platformDiscountFen: 0,
      payFen: 2000,
    });
  });

  it('fails on an empty cart and on quantities outside 1..999', () => {
    expect(priceCheckout(input({ lines: [] }))).toMatchObject({ ok: false, code: 'EMPTY_CART' });
    for (const quantity of [0, -1, 1000, 1.5, Number.NaN]) {
      expect(priceCheckout(input({ lines: [makeLine('a1', 'A', 100, quantity)] }))).toMatchObject({
        ok: false,
        code: 'INVALID_QUANTITY',
        details: { key: 'a1', maxQuantity: 999 },
      });
    }
    expect(priceCheckout(input({ lines: [makeLine('a1', 'A', 100, 999)] })).ok).toBe(true);
  });

  it('throws on server data that is a bug', () => {
    expect(() => priceCheckout(input({ lines: [makeLine('a1', 'A', 0)] }))).toThrow(/under 1 fen/);
    expect(() => priceCheckout(input({ lines: [makeLine('a1', 'A', 10.5)] }))).toThrow(RangeError);
    expect(() => priceCheckout(input({ lines: [makeLine('z1', 'Z', 100)] }))).toThrow(/no shipping rule for shop Z/);
    expect(() => priceCheckout(input({ lines: [makeLine('a1', 'A', 100), makeLine('a1', 'A', 100)] }))).toThrow(/unique/);
    expect(() => priceCheckout(input({ now: Number.NaN }))).toThrow(RangeError);
  });
});

describe('priceCheckout stacking', () => {
  const lines = [makeLine('a1', 'A', 20000), makeLine('b1', 'B', 20000)];

  it('allows one shop coupon per shop plus one platform coupon', () => {
    const quote = unwrap(priceCheckout(input({ lines, coupons: [fixed('p', 1000), fixed('sa', 500, 'A'), fixed('sb', 300, 'B')] })));
    expect(quote.appliedCoupons).toEqual([
      { userCouponId: 'sa', discountFen: 500 },
      { userCouponId: 'sb', discountFen: 300 },
      { userCouponId: 'p', discountFen: 1000 },
    ]);
  });

  it('rejects two platform coupons, two coupons of one shop, and one coupon twice', () => {
    expect(priceCheckout(input({ lines, coupons: [fixed('p1', 100), fixed('p2', 100)] }))).toMatchObject({
      code: 'COUPON_STACKING_NOT_ALLOWED',
      details: { userCouponIds: ['p1', 'p2'] },
    });
    expect(priceCheckout(input({ lines, coupons: [fixed('s1', 100, 'A'), fixed('s2', 100, 'A')] }))).toMatchObject({
      code: 'COUPON_STACKING_NOT_ALLOWED',
      details: { shopId: 'A', userCouponIds: ['s1', 's2'] },
    });
    const once = fixed('s1', 100, 'A');
    expect(priceCheckout(input({ lines, coupons: [once, once] }))).toMatchObject({
      code: 'COUPON_STACKING_NOT_ALLOWED',
      details: { userCouponId: 's1' },
    });
  });

  it('rejects a shop coupon for a shop not in the checkout', () => {
    expect(priceCheckout(input({ lines, coupons: [fixed('sc', 100, 'C')] }))).toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
      details: { userCouponId: 'sc', shopId: 'C' },
    });
  });

  it('passes coupon failures through with the coupon id', () => {
    const expired = fixed('old', 100, undefined, { validTo: now });
    expect(priceCheckout(input({ lines, coupons: [expired] }))).toMatchObject({ code: 'COUPON_EXPIRED', details: { userCouponId: 'old' } });
  });
});

describe('priceCheckout with coupons', () => {
  it('applies shop coupons first and measures the platform threshold after them', () => {
    const lines = [makeLine('a1', 'A', 10000)];
    const ok = unwrap(priceCheckout(input({ lines, coupons: [threshold('p', 5000, 1000), fixed('sa', 3000, 'A')] })));
    expect(ok.orders[0]).toMatchObject({ discountFen: 4000, shopDiscountFen: 3000, platformDiscountFen: 1000, couponIds: ['sa', 'p'] });
    expect(priceCheckout(input({ lines, coupons: [threshold('p', 8000, 1000), fixed('sa', 3000, 'A')] }))).toMatchObject({
      ok: false,
      code: 'COUPON_THRESHOLD_NOT_MET',
      details: { userCouponId: 'p', thresholdFen: 8000, eligibleSubtotalFen: 7000, missingFen: 1000 },
    });
  });

  it('spreads a platform coupon over lines and shops in proportion to what they pay', () => {
    const lines = [makeLine('a1', 'A', 6000), makeLine('a2', 'A', 2000, 2), makeLine('b1', 'B', 10000)];
    const quote = unwrap(priceCheckout(input({ lines, coupons: [threshold('p', 20000, 2000)] })));
    const byKey = Object.fromEntries(quote.orders.flatMap((o) => o.lines).map((l) => [l.key, l.discountFen]));
    expect(byKey).toEqual({ a1: 600, a2: 400, b1: 1000 });
    expect(quote.orders.map((o) => o.couponDiscounts)).toEqual([
      [{ userCouponId: 'p', discountFen: 1000 }],
      [{ userCouponId: 'p', discountFen: 1000 }],
    ]);
    expect(quote.orders.map((o) => o.couponIds)).toEqual([['p'], ['p']]);
  });

  it('restricts coupons to their scope and keeps shop coupons inside their shop', () => {
    const lines = [
      makeLine('a1', 'A', 3000, 1, { categoryIds: ['shoes'] }),
      makeLine('a2', 'A', 7000, 1, { categoryIds: ['hats'] }),
      makeLine('b1', 'B', 5000, 1, { categoryIds: ['shoes'] }),
    ];
    const shoes = makeCoupon('p', { kind: 'percent', percent: 80, scope: { type: 'categories', categoryIds: ['shoes'] } });
    const quote = unwrap(priceCheckout(input({ lines, coupons: [shoes, fixed('sa', 10000, 'A')] })));
    const byKey = Object.fromEntries(quote.orders.flatMap((o) => o.lines).map((l) => [l.key, [l.shopDiscountFen, l.platformDiscountFen]]));
    // The shop coupon takes all of A's 10000 but 1 fen (shipping is free from 9900), leaving a1 nothing;
    // the platform 20 % then covers only what shoes still cost: 20 % of (0 + 5000) = 1000.
    expect(byKey).toEqual({ a1: [3000, 0], a2: [6999, 0], b1: [0, 1000] });
    expect(quote.orders[1].couponIds).toEqual(['p']);
    expect(quote.orders[0].couponIds).toEqual(['sa']);
  });

  it('never reduces shipping', () => {
    const quote = unwrap(priceCheckout(input({ lines: [makeLine('a1', 'A', 5000)], coupons: [fixed('p', 99999)] })));
    expect(quote.orders[0]).toMatchObject({ goodsFen: 5000, shippingFen: 800, discountFen: 5000, payFen: 800 });
  });

  it('leaves 1 fen to pay on an order that would be free, taking it from the largest line share', () => {
    const lines = [makeLine('a1', 'A', 6000), makeLine('a2', 'A', 4000)];
    const quote = unwrap(priceCheckout(input({ lines, coupons: [fixed('p', 20000)] })));
    expect(quote.orders[0]).toMatchObject({ goodsFen: 10000, shippingFen: 0, discountFen: 9999, payFen: 1 });
    expect(quote.orders[0].lines.map((l) => l.payFen)).toEqual([1, 0]);
    expect(quote.appliedCoupons).toEqual([{ userCouponId: 'p', discountFen: 9999 }]);
  });

  it('applies the 1-fen rule per order, without moving the fen to other orders', () => {
    const lines = [makeLine('a1', 'A', 1000), makeLine('b1', 'B', 1000)];
    const shops = { A: shipping(0, null), B: shipping(0, null) };
    const quote = unwrap(priceCheckout(input({ lines, shops, coupons: [fixed('p', 5000)] })));
    expect(quote.orders.map((o) => o.payFen)).toEqual([1, 1]);
    expect(quote).toMatchObject({ discountFen: 1998, payFen: 2 });
  });

  it('reduces the platform coupon, not the shop coupon, when the platform coupon empties an order', () => {
    const lines = [makeLine('a1', 'A', 1000), makeLine('b1', 'B', 1000)];
    const shops = { A: shipping(0, null), B: shipping(0, null) };
    const quote = unwrap(priceCheckout(input({ lines, shops, coupons: [fixed('sa', 400, 'A'), fixed('p', 5000)] })));
    expect(quote.orders[0]).toMatchObject({ shopDiscountFen: 400, platformDiscountFen: 599, payFen: 1 });
    expect(quote.orders[1]).toMatchObject({ shopDiscountFen: 0, platformDiscountFen: 999, payFen: 1 });
  });

  it('fails a coupon that would be left with no discount at all', () => {
    const lines = [makeLine('a1', 'A', 1000)];
    const shops = { A: shipping(0, null) };
    // The shop coupon leaves 1 fen; a platform coupon could only take that last fen, which the order must pay.
    expect(priceCheckout(input({ lines, shops, coupons: [fixed('sa', 1000, 'A'), fixed('p', 100)] }))).toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
      details: { userCouponId: 'p' },
    });
    // A 10 % coupon on 3 fen rounds to no discount.
    expect(priceCheckout(input({ lines: [makeLine('a1', 'A', 3)], shops, coupons: [percent('p', 90)] }))).toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
    });
  });
});
