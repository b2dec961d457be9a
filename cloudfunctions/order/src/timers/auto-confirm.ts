/** Shipped orders past `autoConfirmAt` (set when the merchant ships) complete by themselves. */
import { isAutoConfirmDue, orderMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import { withEvent } from '../../../../server/checkout/history';
import { logEvent } from '../../../../server/log';
import { repo } from '../../../../server/repo';

const BATCH = 100;
const SHIPPED = orderMachine.transitions.autoConfirm.from[0];

export async function autoConfirm(now: number): Promise<{ completed: number }> {
  const due = await repo.find('orders', { status: SHIPPED, autoConfirmAt: _.lte(new Date(now)) }, { orderBy: [['autoConfirmAt', 'asc']], limit: BATCH });
  let completed = 0;
  for (const order of due) {
    if (!order.shippedAt || !isAutoConfirmDue({ state: order.status, shippedAt: order.shippedAt.getTime() }, now)) continue;
    const next = orderMachine.next(order.status, 'autoConfirm');
    if (!next.ok) continue;
    const at = new Date(now);
    const moved = await repo.update('orders', order._id, { status: next.value, completedAt: at, updatedAt: at, history: withEvent(order.history, 'autoConfirm', now, { by: 'system' }) }, { status: order.status });
    if (moved) completed++;
  }
  if (completed) logEvent('auto_confirmed', { completed });
  return { completed };
}
