import { thresholdCoupon } from './threshold-coupon';
import type { CouponTerms } from './coupon-template';

const base = { title: 't', issuer: { type: 'platform' }, scope: { type: 'all' } } as const;
const terms = (t: Partial<CouponTerms> & Pick<CouponTerms, 'kind'>): CouponTerms => ({ ...base, ...t });

describe('thresholdCoupon', () => {
  const t = terms({ kind: 'threshold', amountFen: 2000, thresholdFen: 10000 });
  it('takes the amount off and reports the threshold', () => {
    expect(thresholdCoupon.discount(10000, t)).toBe(2000);
    expect(thresholdCoupon.minimumSpendFen(t)).toBe(10000);
  });
  it('requires a threshold at least the amount', () => {
    expect(thresholdCoupon.validate(t)).toEqual([]);
    expect(thresholdCoupon.validate(terms({ kind: 'threshold', amountFen: 2000, thresholdFen: 1999 }))).toEqual([
      'thresholdFen: must be at least amountFen',
    ]);
    expect(thresholdCoupon.validate(terms({ kind: 'threshold', amountFen: 2000 }))).toEqual([
      'thresholdFen: must be an integer number of fen >= 1',
    ]);
    expect(thresholdCoupon.validate(terms({ kind: 'threshold', amountFen: 20.5, thresholdFen: 100 }))).toHaveLength(1);
  });
});

