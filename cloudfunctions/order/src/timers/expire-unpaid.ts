/**
 * The unpaid-order timer: payments still `created` past their deadline are cancelled with their
 * orders (after asking WeChat Pay whether they were paid after all), and cancelled or closed
 * orders whose stock never went back (a crash between steps) are finished. Every step is guarded
 * (see lifecycle/release.ts), so re-running after a crash releases nothing twice.
 */
import { paymentMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import { logEvent } from '../../../../server/log';
import { repo } from '../../../../server/repo';
import { closeUnpaidPayment } from '../lifecycle/close-unpaid-payment';
import { finishRelease, RELEASING_STATES } from '../lifecycle/release';

/** Payments handled per run; the rest wait for the next minute. */
const BATCH = 50;
const UNPAID = paymentMachine.transitions.close.from[0];

export interface ExpireReport {
  cancelled: number;
  paid: number;
  skipped: number;
  recovered: number;
}

export async function expireUnpaid(now: number): Promise<ExpireReport> {
  const report: ExpireReport = { cancelled: 0, paid: 0, skipped: 0, recovered: 0 };
  const due = await repo.find('payments', { status: UNPAID, payDeadline: _.lte(new Date(now)) }, { orderBy: [['payDeadline', 'asc']], limit: BATCH });
  for (const payment of due) {
    try {
      const outcome = await closeUnpaidPayment(payment._id, { event: 'timeout', reason: '超时未支付，订单已自动取消', by: 'system', now });
      if (outcome === 'closed') report.cancelled++;
      else if (outcome === 'paid') report.paid++;
      else report.skipped++;
    } catch (e) {
      report.skipped++;
      logEvent('expire_unpaid_failed', { paymentId: payment._id, error: String((e as Error)?.message ?? e) });
    }
  }
  const unreleased = await repo.find('orders', { status: _.in(RELEASING_STATES), stockReleasedAt: _.exists(false) }, { limit: BATCH });
  for (const order of unreleased) {
    await finishRelease(order, now);
    report.recovered++;
  }
  if (report.cancelled || report.paid || report.recovered) logEvent('expire_unpaid', { ...report });
  return report;
}
