/**
 * The order function's one timer trigger (CloudBase allows one per function), every minute:
 * cancels unpaid checkouts past their deadline and completes shipped orders past their
 * auto-confirm time. The auto-confirm query is indexed and finds nothing most minutes.
 */
import { autoConfirm } from './auto-confirm';
import { expireUnpaid } from './expire-unpaid';

export async function sweep(now: number) {
  return { expireUnpaid: await expireUnpaid(now), autoConfirm: await autoConfirm(now) };
}
