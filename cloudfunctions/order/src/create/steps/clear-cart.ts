/**
 * Step 5 (last, nothing to undo): take the checked-out SKUs out of the cart. The orders exist by
 * now, so a failure here is logged and the checkout still succeeds.
 */
import { _ } from '../../../../../server/cloud';
import { logEvent } from '../../../../../server/log';
import { repo } from '../../../../../server/repo';
import type { CheckoutPlan } from '../../checkout/plan-checkout';
import type { SagaStep } from '../saga';

export const clearCart: SagaStep<CheckoutPlan> = {
  name: 'clear-cart',
  async run(plan) {
    if (plan.cartSkuIds.length === 0) return;
    try {
      await repo.remove('carts', { openid: plan.payment.openid, skuId: _.in(plan.cartSkuIds) });
    } catch (e) {
      logEvent('checkout_cart_not_cleared', { paymentId: plan.payment._id, error: String((e as Error)?.message ?? e) });
    }
  },
};
