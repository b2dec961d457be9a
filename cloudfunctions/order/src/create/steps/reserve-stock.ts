/**
 * Step 2: take the stock, one conditional update per SKU (`stock >= quantity`), which the
 * database applies atomically: concurrent checkouts can never take more than there is. The goods'
 * stock and sales totals (list pages) follow without a condition. Undo: put back exactly what was
 * taken.
 */
import { _ } from '../../../../../server/cloud';
import { fail } from '../../../../../server/failure';
import { repo } from '../../../../../server/repo';
import type { CheckoutPlan, StockReservation } from '../../checkout/plan-checkout';
import type { SagaStep } from '../saga';

async function take(r: StockReservation, now: Date): Promise<boolean> {
  const taken = await repo.updateWhere('skus', { _id: r.skuId, stock: _.gte(r.quantity) }, { stock: _.inc(-r.quantity), sales: _.inc(r.quantity), updatedAt: now });
  if (taken === 1) await repo.update('goods', r.goodsId, { stock: _.inc(-r.quantity), sales: _.inc(r.quantity) });
  return taken === 1;
}

/** Puts reserved stock back (also used when a cancelled order releases its stock). */
export async function putBack(r: StockReservation, now: Date): Promise<void> {
  await repo.update('skus', r.skuId, { stock: _.inc(r.quantity), sales: _.inc(-r.quantity), updatedAt: now });
  await repo.update('goods', r.goodsId, { stock: _.inc(r.quantity), sales: _.inc(-r.quantity) });
}

export const reserveStock: SagaStep<CheckoutPlan> = {
  name: 'reserve-stock',
  async run(plan) {
    const now = plan.payment.createdAt;
    const taken: StockReservation[] = [];
    for (const r of plan.reservations) {
      if (await take(r, now)) {
        taken.push(r);
        continue;
      }
      for (const t of taken) await putBack(t, now);
      fail('OUT_OF_STOCK', '库存不足', { skuId: r.skuId });
    }
    return async () => {
      for (const t of taken) await putBack(t, now);
    };
  },
};
