/** Step 4: insert one order per shop. Undo: delete the orders this step inserted. */
import { repo } from '../../../../../server/repo';
import type { CheckoutPlan } from '../../checkout/plan-checkout';
import type { SagaStep } from '../saga';

export const insertOrders: SagaStep<CheckoutPlan> = {
  name: 'insert-orders',
  async run(plan) {
    const inserted: string[] = [];
    const undo = async () => {
      for (const id of inserted) await repo.remove('orders', { _id: id, paymentId: plan.payment._id });
    };
    try {
      for (const order of plan.orders) {
        await repo.insert('orders', order);
        inserted.push(order._id);
      }
    } catch (e) {
      await undo();
      throw e;
    }
    return undo;
  },
};
