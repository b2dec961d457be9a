/** An amount off once the eligible goods reach a threshold ("满100减20"). */
import type { CouponKindDefinition } from './coupon-kind';
import { fenProblem, requiredField, unusedFieldProblems } from './coupon-kind';

/**
 * The `threshold` coupon kind: `amountFen` off when the eligible subtotal is at least
 * `thresholdFen`. The threshold must be at least the amount, so the coupon alone never makes
 * the eligible goods cost less than nothing.
 */
export const thresholdCoupon: CouponKindDefinition<'threshold'> = {
  kind: 'threshold',
  description: 'An amount off when the eligible goods reach a minimum spend (满减).',
  validate: (terms) => {
    const problems = [
      ...fenProblem('amountFen', terms.amountFen, 1),
      ...fenProblem('thresholdFen', terms.thresholdFen, 1),
      ...unusedFieldProblems(terms, ['percent', 'maxDiscountFen']),
    ];
    if (problems.length === 0 && (terms.thresholdFen ?? 0) < (terms.amountFen ?? 0)) {
      problems.push('thresholdFen: must be at least amountFen');
    }
    return problems;
  },
  minimumSpendFen: (terms) => requiredField(terms, 'thresholdFen'),
  discount: (eligibleSubtotalFen, terms) => Math.min(requiredField(terms, 'amountFen'), eligibleSubtotalFen),
};
