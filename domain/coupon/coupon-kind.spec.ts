import type { CouponTerms } from './coupon-template';
import { fenProblem, requiredField, unusedFieldProblems } from './coupon-kind';

const terms: CouponTerms = { title: 't', issuer: { type: 'platform' }, scope: { type: 'all' }, kind: 'fixed', amountFen: 100, percent: 80 };

describe('coupon kind helpers', () => {
  it('fenProblem accepts integers from the minimum only', () => {
    expect(fenProblem('amountFen', 1, 1)).toEqual([]);
    expect(fenProblem('amountFen', 0, 1)).toEqual(['amountFen: must be an integer number of fen >= 1']);
    expect(fenProblem('amountFen', 1.5, 1)).toHaveLength(1);
    expect(fenProblem('amountFen', undefined, 1)).toHaveLength(1);
  });

  it('unusedFieldProblems names fields the kind ignores', () => {
    expect(unusedFieldProblems(terms, ['percent', 'thresholdFen'])).toEqual(['percent: not used by fixed coupons']);
  });

  it('requiredField returns the value or throws', () => {
    expect(requiredField(terms, 'amountFen')).toBe(100);
    expect(() => requiredField(terms, 'thresholdFen')).toThrow(/lack thresholdFen/);
  });
});
