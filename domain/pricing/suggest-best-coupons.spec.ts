import { fixed, percent, T0, threshold } from '../testing/coupon-fixtures';
import { makeLine, shipping } from '../testing/checkout-fixtures';
import { unwrap } from '../result';
import type { CheckoutBasket } from './checkout-input';
import { suggestBestCoupons } from './suggest-best-coupons';

const now = T0 + 1000;
const basket: CheckoutBasket = {
  lines: [makeLine('a1', 'A', 10000), makeLine('b1', 'B', 4000)],
  shops: { A: shipping(0, null), B: shipping(600, null) },
};

describe('suggestBestCoupons', () => {
  it('picks the best shop coupon per shop, then the best platform coupon on top', () => {
    const available = [
      fixed('a-small', 300, 'A'),
      fixed('a-big', 1000, 'A'),
      fixed('b-only', 200, 'B'),
      threshold('p-high', 14000, 3000), // needs 14000 after shop discounts: 14000 - 1200 = 12800, not met
      percent('p-90', 90), // 10 % of 12800 = 1280
      threshold('p-10k', 10000, 1000),
    ];
    const suggestion = unwrap(suggestBestCoupons(basket, available, now));
    expect(suggestion.couponIds).toEqual(['a-big', 'b-only', 'p-90']);
    expect(suggestion.quote.discountFen).toBe(1000 + 200 + 1280);
    expect(suggestion.quote.appliedCoupons.map((c) => c.userCouponId)).toEqual(['a-big', 'b-only', 'p-90']);
  });

  it('reports each coupon\'s usability alone, with the failure code and details', () => {
    const available = [
      fixed('a', 500, 'A'),
      threshold('p-high', 20000, 3000),
      fixed('other-shop', 100, 'Z'),
      fixed('used', 100, undefined, { status: 'used' }),
      fixed('later', 100, undefined, { validFrom: now + 1 }),
    ];
    const { options } = unwrap(suggestBestCoupons(basket, available, now));
    expect(options).toEqual([
      { userCouponId: 'a', usable: true, discountFen: 500 },
      {
        userCouponId: 'p-high',
        usable: false,
        code: 'COUPON_THRESHOLD_NOT_MET',
        message: expect.any(String),
        details: { userCouponId: 'p-high', thresholdFen: 20000, eligibleSubtotalFen: 14000, missingFen: 6000 },
      },
      { userCouponId: 'other-shop', usable: false, code: 'COUPON_NOT_APPLICABLE', message: expect.any(String), details: expect.any(Object) },
      { userCouponId: 'used', usable: false, code: 'COUPON_ALREADY_USED', message: expect.any(String), details: expect.any(Object) },
      { userCouponId: 'later', usable: false, code: 'COUPON_NOT_USABLE_YET', message: expect.any(String), details: expect.any(Object) },
    ]);
  });

  it('is greedy: a big shop coupon can cost a platform coupon its threshold', () => {
    const single: CheckoutBasket = { lines: [makeLine('a1', 'A', 10000)], shops: { A: shipping(0, null) } };
    const available = [fixed('shop-big', 3000, 'A'), fixed('shop-small', 500, 'A'), threshold('platform', 9000, 5000)];
    const suggestion = unwrap(suggestBestCoupons(single, available, now));
    // Greedy: shop-big (3000) leaves 7000 < 9000, so the platform coupon cannot follow: 3000 in total,
    // although shop-small + platform would save 500 + 5000 = 5500.
    expect(suggestion.couponIds).toEqual(['shop-big']);
    expect(suggestion.quote.discountFen).toBe(3000);
  });

  it('breaks ties by earliest expiry, then by list order', () => {
    const available = [
      fixed('late', 500, 'A', { validTo: T0 + 9_000_000 }),
      fixed('soon', 500, 'A', { validTo: T0 + 5_000_000 }),
      fixed('soon-too', 500, 'A', { validTo: T0 + 5_000_000 }),
    ];
    expect(unwrap(suggestBestCoupons(basket, available, now)).couponIds).toEqual(['soon']);
  });

  it('suggests nothing when nothing is usable, and fails only for an unpriceable basket', () => {
    const none = unwrap(suggestBestCoupons(basket, [fixed('x', 100, 'Z')], now));
    expect(none.couponIds).toEqual([]);
    expect(none.quote.discountFen).toBe(0);
    expect(suggestBestCoupons({ ...basket, lines: [] }, [], now)).toMatchObject({ ok: false, code: 'EMPTY_CART' });
    expect(() => suggestBestCoupons(basket, [fixed('x', 1), fixed('x', 2)], now)).toThrow(/repeat/);
  });
});
