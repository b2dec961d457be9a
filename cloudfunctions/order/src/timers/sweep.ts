/**
 * The order function's one timer trigger (CloudBase allows one per function), every minute:
 * cancels unpaid checkouts past their deadline and completes shipped orders past their
 * auto-confirm time. The auto-confirm query is indexed and finds nothing most minutes. Both share
 * the run's time budget (the function's config.json timeout less a margin, server/sweep.ts).
 */
import type { TimeBudget } from '../../../../server/sweep';
import { autoConfirm } from './auto-confirm';
import { expireUnpaid } from './expire-unpaid';

export async function sweep(now: number, budget: TimeBudget) {
  return { expireUnpaid: await expireUnpaid(now, budget), autoConfirm: await autoConfirm(now, budget) };
}
