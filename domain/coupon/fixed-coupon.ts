/** A fixed amount off the eligible goods, with no threshold ("无门槛券"). */
import type { CouponKindDefinition } from './coupon-kind';
import { fenProblem, requiredField, unusedFieldProblems } from './coupon-kind';

/** The `fixed` coupon kind: `amountFen` off, capped at the eligible subtotal. */
export const fixedCoupon: CouponKindDefinition<'fixed'> = {
  kind: 'fixed',
  description: 'A fixed amount off the eligible goods, without a minimum spend.',
  validate: (terms) => [
    ...fenProblem('amountFen', terms.amountFen, 1),
    ...unusedFieldProblems(terms, ['thresholdFen', 'percent', 'maxDiscountFen']),
  ],
  minimumSpendFen: () => 0,
  discount: (eligibleSubtotalFen, terms) => Math.min(requiredField(terms, 'amountFen'), eligibleSubtotalFen),
};
