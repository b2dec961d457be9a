import { fixedCoupon } from './fixed-coupon';
import type { CouponTerms } from './coupon-template';

const base = { title: 't', issuer: { type: 'platform' }, scope: { type: 'all' } } as const;
const terms = (t: Partial<CouponTerms> & Pick<CouponTerms, 'kind'>): CouponTerms => ({ ...base, ...t });

describe('fixedCoupon', () => {
  const t = terms({ kind: 'fixed', amountFen: 500 });
  it('takes the amount off, never more than the subtotal', () => {
    expect(fixedCoupon.discount(2000, t)).toBe(500);
    expect(fixedCoupon.discount(300, t)).toBe(300);
    expect(fixedCoupon.minimumSpendFen(t)).toBe(0);
  });
  it('validates its fields', () => {
    expect(fixedCoupon.validate(t)).toEqual([]);
    expect(fixedCoupon.validate(terms({ kind: 'fixed', amountFen: 0 }))).toEqual(['amountFen: must be an integer number of fen >= 1']);
    expect(fixedCoupon.validate(terms({ kind: 'fixed', amountFen: 5, percent: 80 }))).toEqual(['percent: not used by fixed coupons']);
    expect(fixedCoupon.validate(terms({ kind: 'fixed' }))).toHaveLength(1);
  });
  it('throws on unvalidated terms', () => {
    expect(() => fixedCoupon.discount(100, terms({ kind: 'fixed' }))).toThrow(/validate the template/);
  });
});

