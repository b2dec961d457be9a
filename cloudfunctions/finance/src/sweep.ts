/** The finance timer (hourly): refunds first, so settlement sees them, then the orders that came due. */
import { recordRefunds } from './record-refunds';
import { settleDue } from './settle';

export async function sweep(now: number) {
  const refunds = await recordRefunds(now);
  const settlement = await settleDue(now);
  return { refunds, settlement };
}
