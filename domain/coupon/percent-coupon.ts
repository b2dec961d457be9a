/** A percentage of the eligible goods paid ("8.5折"), optionally capped and with a minimum spend. */
import { percentOf } from '../money';
import type { CouponKindDefinition } from './coupon-kind';
import { fenProblem, requiredField, unusedFieldProblems } from './coupon-kind';

/**
 * The `percent` coupon kind: the shopper pays `percent`% of the eligible subtotal. The discount is
 * `percentOf(subtotal, 100 - percent)`, rounded half up to the fen (so an exact half fen goes to
 * the shopper), then capped by `maxDiscountFen` when set.
 */
export const percentCoupon: CouponKindDefinition<'percent'> = {
  kind: 'percent',
  description: 'The shopper pays a percentage of the eligible goods (折扣), optionally capped.',
  validate: (terms) => [
    ...(typeof terms.percent === 'number' && Number.isInteger(terms.percent) && terms.percent >= 1 && terms.percent <= 99
      ? []
      : ['percent: must be an integer from 1 to 99 (the share paid)']),
    ...(terms.thresholdFen === undefined ? [] : fenProblem('thresholdFen', terms.thresholdFen, 1)),
    ...(terms.maxDiscountFen === undefined ? [] : fenProblem('maxDiscountFen', terms.maxDiscountFen, 1)),
    ...unusedFieldProblems(terms, ['amountFen']),
  ],
  minimumSpendFen: (terms) => terms.thresholdFen ?? 0,
  discount: (eligibleSubtotalFen, terms) => {
    const off = percentOf(eligibleSubtotalFen, 100 - requiredField(terms, 'percent'));
    return Math.min(off, terms.maxDiscountFen ?? off, eligibleSubtotalFen);
  },
};
