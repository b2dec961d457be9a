/**
 * Shipped orders past `autoConfirmAt` (set when the merchant ships) complete by themselves, oldest
 * first, in batches while the run's time lasts (server/sweep.ts); one that is not due after all
 * stays where it is without holding up the ones behind it.
 */
import { isAutoConfirmDue, orderMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import { withEvent } from '../../../../server/checkout/history';
import { logEvent } from '../../../../server/log';
import type { OrderDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { afterCursor, sweepQueue, type TimeBudget } from '../../../../server/sweep';

const BATCH = 100;
const SHIPPED = orderMachine.transitions.autoConfirm.from[0];

export async function autoConfirm(now: number, budget: TimeBudget): Promise<{ completed: number; drained: boolean }> {
  let completed = 0;
  const walk = await sweepQueue<OrderDoc>({
    name: 'auto-confirm',
    field: 'autoConfirmAt',
    batch: BATCH,
    budget,
    page: (cursor, limit) => repo.find('orders', { status: SHIPPED, ...afterCursor('autoConfirmAt', cursor, new Date(now)) }, { orderBy: [['autoConfirmAt', 'asc'], ['_id', 'asc']], limit }),
    handle: async (order) => {
      if (!order.shippedAt || !isAutoConfirmDue({ state: order.status, shippedAt: order.shippedAt.getTime() }, now)) return;
      const next = orderMachine.next(order.status, 'autoConfirm');
      if (!next.ok) return;
      const at = new Date(now);
      try {
        const moved = await repo.update('orders', order._id, { status: next.value, completedAt: at, updatedAt: at, history: withEvent(order.history, 'autoConfirm', now, { by: 'system' }) }, { status: order.status });
        if (moved) completed++;
      } catch (e) {
        logEvent('auto_confirm_failed', { orderId: order._id, error: String((e as Error)?.message ?? e) });
      }
    },
  });
  if (completed) logEvent('auto_confirmed', { completed });
  return { completed, drained: walk.drained };
}
