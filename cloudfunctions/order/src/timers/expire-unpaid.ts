/**
 * The unpaid-order timer: payments still `created` past their deadline are cancelled with their
 * orders (after asking WeChat Pay whether they were paid after all), and cancelled or closed
 * orders whose stock never went back (a crash between steps) are finished. Every step is guarded
 * (see lifecycle/release.ts), so re-running after a crash releases nothing twice.
 *
 * Both queues are walked oldest first in batches with a keyset cursor while the run's time lasts
 * (server/sweep.ts): a payment that cannot be closed now (WeChat Pay did not answer) or an order
 * whose release failed stays where it is without holding up the ones behind it, and what does not
 * fit waits at the head of the queue for the next minute.
 */
import { paymentMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import { logEvent } from '../../../../server/log';
import type { OrderDoc, PaymentDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { afterCursor, sweepQueue, type TimeBudget } from '../../../../server/sweep';
import { closeUnpaidPayment } from '../lifecycle/close-unpaid-payment';
import { finishRelease, RELEASING_STATES } from '../lifecycle/release';

/** Payments (and orders to recover) read per batch. */
export const EXPIRE_BATCH = 50;
const UNPAID = paymentMachine.transitions.close.from[0];

export interface ExpireReport {
  cancelled: number;
  paid: number;
  skipped: number;
  recovered: number;
}

export async function expireUnpaid(now: number, budget: TimeBudget): Promise<ExpireReport & { drained: boolean }> {
  const report: ExpireReport = { cancelled: 0, paid: 0, skipped: 0, recovered: 0 };
  const at = new Date(now);
  const payments = await sweepQueue<PaymentDoc>({
    name: 'unpaid-payments',
    field: 'payDeadline',
    batch: EXPIRE_BATCH,
    budget,
    page: (cursor, limit) => repo.find('payments', { status: UNPAID, ...afterCursor('payDeadline', cursor, at) }, { orderBy: [['payDeadline', 'asc'], ['_id', 'asc']], limit }),
    handle: async (payment) => {
      try {
        const outcome = await closeUnpaidPayment(payment._id, { event: 'timeout', reason: '超时未支付，订单已自动取消', by: 'system', now });
        if (outcome === 'closed') report.cancelled++;
        else if (outcome === 'paid') report.paid++;
        else report.skipped++;
      } catch (e) {
        report.skipped++;
        logEvent('expire_unpaid_failed', { paymentId: payment._id, error: String((e as Error)?.message ?? e) });
      }
    },
  });
  const unreleased = await sweepQueue<OrderDoc>({
    name: 'unreleased-orders',
    field: 'createdAt',
    batch: EXPIRE_BATCH,
    budget,
    page: (cursor, limit) => repo.find('orders', { status: _.in(RELEASING_STATES), stockReleasedAt: _.exists(false), ...afterCursor('createdAt', cursor, at) }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit }),
    handle: async (order) => {
      try {
        await finishRelease(order, now);
        report.recovered++;
      } catch (e) {
        logEvent('release_recovery_failed', { orderId: order._id, error: String((e as Error)?.message ?? e) });
      }
    },
  });
  if (report.cancelled || report.paid || report.recovered) logEvent('expire_unpaid', { ...report });
  return { ...report, drained: payments.drained && unreleased.drained };
}
