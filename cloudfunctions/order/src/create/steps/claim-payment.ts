/**
 * Step 1: insert the payment. Its id is derived from (openid, requestId), so of two requests with
 * the same requestId exactly one inserts it and runs the remaining steps; the other learns it is a
 * duplicate and waits for the first one's result. Undo: delete the unfinished payment, so that
 * resending the requestId tries again from scratch.
 */
import { isDuplicateKey } from '../../../../../server/db-errors';
import { repo } from '../../../../../server/repo';
import type { CheckoutPlan } from '../../checkout/plan-checkout';
import type { SagaStep } from '../saga';

/** Thrown when another request with the same requestId owns the checkout. */
export class CheckoutInProgress extends Error {
  constructor(readonly paymentId: string) {
    super(`checkout ${paymentId} is being created by another request`);
    this.name = 'CheckoutInProgress';
  }
}

export const claimPayment: SagaStep<CheckoutPlan> = {
  name: 'claim-payment',
  async run(plan) {
    try {
      await repo.insert('payments', plan.payment);
    } catch (e) {
      if (isDuplicateKey(e)) throw new CheckoutInProgress(plan.payment._id);
      throw e;
    }
    return async () => {
      await repo.remove('payments', { _id: plan.payment._id, status: plan.payment.status });
    };
  },
};
