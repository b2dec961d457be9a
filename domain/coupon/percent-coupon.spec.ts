import { percentCoupon } from './percent-coupon';
import type { CouponTerms } from './coupon-template';

const base = { title: 't', issuer: { type: 'platform' }, scope: { type: 'all' } } as const;
const terms = (t: Partial<CouponTerms> & Pick<CouponTerms, 'kind'>): CouponTerms => ({ ...base, ...t });

describe('percentCoupon', () => {
  it('takes (100 - percent)% off, rounded half up in the shopper\'s favour', () => {
    const t = terms({ kind: 'percent', percent: 85 });
    expect(percentCoupon.discount(10000, t)).toBe(1500);
    expect(percentCoupon.discount(10, t)).toBe(2); // 1.5 -> 2
    expect(percentCoupon.discount(3, t)).toBe(0); // 0.45 -> 0
    expect(percentCoupon.minimumSpendFen(t)).toBe(0);
  });
  it('applies the cap and the optional minimum spend', () => {
    const t = terms({ kind: 'percent', percent: 50, maxDiscountFen: 3000, thresholdFen: 5000 });
    expect(percentCoupon.discount(10000, t)).toBe(3000);
    expect(percentCoupon.discount(4000, t)).toBe(2000);
    expect(percentCoupon.minimumSpendFen(t)).toBe(5000);
  });
  it('validates percent as the share paid, 1..99', () => {
    expect(percentCoupon.validate(terms({ kind: 'percent', percent: 85 }))).toEqual([]);
    for (const bad of [0, 100, 8.5, undefined]) {
      expect(percentCoupon.validate(terms({ kind: 'percent', percent: bad }))).toEqual([
        'percent: must be an integer from 1 to 99 (the share paid)',
      ]);
    }
    expect(percentCoupon.validate(terms({ kind: 'percent', percent: 80, amountFen: 5, maxDiscountFen: 0 }))).toEqual([
      'maxDiscountFen: must be an integer number of fen >= 1',
      'amountFen: not used by percent coupons',
    ]);
  });
});
