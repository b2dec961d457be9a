import { seededRandom } from '../testing/seeded-random';
import type { CouponTerms } from './coupon-template';
import { COUPON_KINDS, couponKind, findCouponKind } from './coupon-kinds';
import { percentCoupon } from './percent-coupon';

describe('coupon kind registry', () => {
  it('registers every kind under its own name', () => {
    for (const [name, definition] of Object.entries(COUPON_KINDS)) expect(definition.kind).toBe(name);
    expect(couponKind('percent')).toBe(percentCoupon);
    expect(findCouponKind('bogus')).toBeUndefined();
    expect(findCouponKind('constructor')).toBeUndefined();
    expect(() => couponKind('bogus' as 'fixed')).toThrow(/unknown coupon kind/);
  });
});


describe('every registered kind', () => {
  it('never discounts more than the eligible subtotal and never goes negative (seeded)', () => {
    const rng = seededRandom(8080);
    const base = { title: 't', issuer: { type: 'platform' }, scope: { type: 'all' } } as const;
    for (let i = 0; i < 3000; i++) {
      const amountFen = rng.int(1, 50_000);
      const terms: CouponTerms = rng.pick<CouponTerms>([
        { ...base, kind: 'fixed', amountFen },
        { ...base, kind: 'threshold', amountFen, thresholdFen: amountFen + rng.int(0, 50_000) },
        { ...base, kind: 'percent', percent: rng.int(1, 99), ...(rng.chance(0.5) ? { maxDiscountFen: amountFen } : {}) },
      ]);
      const kind = couponKind(terms.kind);
      expect(kind.validate(terms)).toEqual([]);
      const subtotal = Math.max(kind.minimumSpendFen(terms), rng.int(0, 100_000));
      const discount = kind.discount(subtotal, terms);
      const context = `case ${i}: ${JSON.stringify(terms)} subtotal=${subtotal} discount=${discount}`;
      expect({ context, fine: Number.isSafeInteger(discount) && discount >= 0 && discount <= subtotal }).toEqual({ context, fine: true });
    }
  });
});
