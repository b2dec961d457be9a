/**
 * The finance timer (hourly): refunds first, so settlement sees them, then the orders that came due.
 * Both share one time budget: the function's timeout from its config.json, less a safety margin
 * (server/sweep.ts); what does not fit waits at the head of its queue for the next run.
 */
import type { TimeBudget } from '../../../server/sweep';
import { recordRefunds } from './record-refunds';
import { settleDue } from './settle';

export async function sweep(now: number, budget: TimeBudget) {
  const refunds = await recordRefunds(now, budget);
  const settlement = await settleDue(now, budget);
  return { refunds, settlement };
}
