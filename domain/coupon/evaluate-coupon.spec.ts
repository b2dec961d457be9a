import { fixed, makeCoupon, percent, T0, threshold } from '../testing/coupon-fixtures';
import { DAY_MS } from '../time';
import { CouponLine, evaluateCoupon } from './evaluate-coupon';

const line = (key: string, amountFen: number, extra: Partial<CouponLine> = {}): CouponLine => ({
  key,
  goodsId: `g-${key}`,
  shopId: 'shop-a',
  categoryIds: ['c1'],
  amountFen,
  ...extra,
});

describe('evaluateCoupon', () => {
  const now = T0 + DAY_MS;

  it('gives a threshold discount on the eligible subtotal', () => {
    const result = evaluateCoupon(threshold('c', 10000, 2000), [line('a', 6000), line('b', 4000)], now);
    expect(result).toEqual({ ok: true, value: { discountFen: 2000, eligibleLineKeys: ['a', 'b'], eligibleSubtotalFen: 10000 } });
  });

  it('reports the missing amount when the threshold is not met', () => {
    const result = evaluateCoupon(threshold('c', 10000, 2000), [line('a', 9990)], now);
    expect(result).toEqual({
      ok: false,
      code: 'COUPON_THRESHOLD_NOT_MET',
      message: expect.any(String),
      details: { userCouponId: 'c', thresholdFen: 10000, eligibleSubtotalFen: 9990, missingFen: 10 },
    });
  });

  it('counts only covered lines towards the threshold', () => {
    const coupon = makeCoupon('c', { kind: 'threshold', amountFen: 500, thresholdFen: 5000, scope: { type: 'categories', categoryIds: ['shoes'] } });
    const lines = [line('a', 4000, { categoryIds: ['shoes'] }), line('b', 8000, { categoryIds: ['hats'] })];
    expect(evaluateCoupon(coupon, lines, now)).toMatchObject({ code: 'COUPON_THRESHOLD_NOT_MET', details: { missingFen: 1000 } });
    const enough = [...lines, line('c', 1000, { categoryIds: ['hats', 'shoes'] })];
    expect(evaluateCoupon(coupon, enough, now)).toEqual({
      ok: true,
      value: { discountFen: 500, eligibleLineKeys: ['a', 'c'], eligibleSubtotalFen: 5000 },
    });
  });

  it('never discounts more than the eligible subtotal', () => {
    expect(evaluateCoupon(fixed('c', 5000), [line('a', 1200)], now)).toMatchObject({ ok: true, value: { discountFen: 1200 } });
  });

  it('applies percent coupons with their cap', () => {
    expect(evaluateCoupon(percent('c', 85), [line('a', 10000)], now)).toMatchObject({ value: { discountFen: 1500 } });
    expect(evaluateCoupon(percent('c', 50, { maxDiscountFen: 800 }), [line('a', 10000)], now)).toMatchObject({
      value: { discountFen: 800 },
    });
  });

  it('ignores lines with nothing left to pay', () => {
    expect(evaluateCoupon(fixed('c', 100), [line('a', 0), line('b', 300)], now)).toMatchObject({
      value: { eligibleLineKeys: ['b'], eligibleSubtotalFen: 300 },
    });
    expect(evaluateCoupon(fixed('c', 100), [line('a', 0)], now)).toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
  });

  it('rejects a shop coupon on another shop\'s goods and out-of-scope goods', () => {
    expect(evaluateCoupon(fixed('c', 100, 'shop-b'), [line('a', 1000)], now)).toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
      details: { userCouponId: 'c' },
    });
    const goodsOnly = makeCoupon('c', { kind: 'fixed', amountFen: 100, scope: { type: 'goods', goodsIds: ['g-z'] } });
    expect(evaluateCoupon(goodsOnly, [line('a', 1000)], now)).toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
  });

  it('checks the validity window as half-open', () => {
    const coupon = fixed('c', 100, undefined, { validFrom: T0, validTo: T0 + DAY_MS });
    expect(evaluateCoupon(coupon, [line('a', 1000)], T0 - 1)).toMatchObject({ code: 'COUPON_NOT_USABLE_YET', details: { validFrom: T0 } });
    expect(evaluateCoupon(coupon, [line('a', 1000)], T0).ok).toBe(true);
    expect(evaluateCoupon(coupon, [line('a', 1000)], T0 + DAY_MS)).toMatchObject({ code: 'COUPON_EXPIRED' });
  });

  it.each([
    ['used', 'COUPON_ALREADY_USED'],
    ['locked', 'COUPON_LOCKED'],
    ['expired', 'COUPON_EXPIRED'],
  ] as const)('rejects a %s coupon with %s', (status, code) => {
    expect(evaluateCoupon(fixed('c', 100, undefined, { status }), [line('a', 1000)], now)).toMatchObject({ ok: false, code });
  });

  it('throws on an invalid line amount (a bug)', () => {
    expect(() => evaluateCoupon(fixed('c', 100), [line('a', -5)], now)).toThrow(RangeError);
  });
});
