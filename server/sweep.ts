/**
 * Timer sweeps that never stall: a run works through its queue in batches, from the head, with a
 * keyset cursor (the sort field, then `_id`), so items it cannot finish (an order held by an open
 * after-sale, a payment WeChat Pay did not answer for) never make it read the same page again; and
 * it stops starting batches when the function's time limit (its `config.json` timeout) is near,
 * measured from the invocation's start on the real, monotonic clock (`performance.now()`: the
 * business clock may be pinned or moved by the emulator). Whatever is left is still at the head of
 * the queue, which the next run starts from: processed items leave the queue, so it continues.
 */
import { performance } from 'node:perf_hooks';
import { _ } from './cloud';
import { logEvent } from './log';

export interface TimeBudget {
  /** Whether work expected to take `ms` (the longest batch so far) still ends before the safety margin. */
  fits(ms: number): boolean;
  elapsedMs(): number;
}

/**
 * The budget of a run that started now (call it first thing in the sweep) in a function with a
 * `timeoutSeconds` limit: the last `marginMs` (default: a quarter of the limit, at least 3 s) are
 * never used.
 */
export function timeBudget(timeoutSeconds: number, o: { marginMs?: number; clock?: () => number } = {}): TimeBudget {
  const clock = o.clock ?? (() => performance.now());
  const started = clock();
  const limitMs = timeoutSeconds * 1000;
  const usable = limitMs - (o.marginMs ?? Math.max(3000, limitMs / 4));
  return {
    elapsedMs: () => clock() - started,
    fits: (ms) => clock() - started + ms <= usable,
  };
}

/** Where the last page ended: its sort value and the ids that share it (ties are read past by id). */
export interface Cursor {
  value: Date;
  ids: string[];
}

/** The query part for "after `cursor`" on `field`, given the queue's own upper bound `upTo`. */
export function afterCursor(field: string, cursor: Cursor | null, upTo: Date, excludeIds: string[] = []): Record<string, unknown> {
  const range = cursor ? _.gte(cursor.value).and(_.lte(upTo)) : _.lte(upTo);
  const ids = [...excludeIds, ...(cursor?.ids ?? [])];
  return { [field]: range, ...(ids.length ? { _id: _.nin(ids) } : {}) };
}

export interface QueueReport {
  /** Items handed to `handle` this run. */
  seen: number;
  batches: number;
  /** False when the run stopped for time: the rest is left for the next run. */
  drained: boolean;
}

/**
 * Walks a queue sorted by `field` (a Date) ascending: `page(cursor)` reads the next batch after
 * `cursor` (use {@link afterCursor}), `handle` works one item and must not throw for an item it
 * cannot finish now (log and leave it). Stops when a page comes back short, or when the next batch
 * (as long as the longest so far) or the next item would run into the margin.
 */
export async function sweepQueue<T extends { _id: string }>(o: {
  name: string;
  field: keyof T & string;
  batch: number;
  budget: TimeBudget;
  page: (cursor: Cursor | null, limit: number) => Promise<T[]>;
  handle: (item: T) => Promise<void>;
}): Promise<QueueReport> {
  const report: QueueReport = { seen: 0, batches: 0, drained: false };
  let cursor: Cursor | null = null;
  let longestBatchMs = 0;
  for (;;) {
    if (!o.budget.fits(longestBatchMs)) break;
    const startedAt = o.budget.elapsedMs();
    const items = await o.page(cursor, o.batch);
    report.batches++;
    let stopped = false;
    for (const item of items) {
      if (!o.budget.fits(0)) {
        stopped = true;
        break;
      }
      report.seen++;
      await o.handle(item);
      const value = item[o.field] as unknown as Date;
      cursor = cursor && cursor.value.getTime() === value.getTime() ? { value, ids: [...cursor.ids, item._id] } : { value, ids: [item._id] };
    }
    longestBatchMs = Math.max(longestBatchMs, o.budget.elapsedMs() - startedAt);
    if (stopped) break;
    if (items.length < o.batch) {
      report.drained = true;
      break;
    }
  }
  if (!report.drained) logEvent('sweep_stopped_for_time', { queue: o.name, seen: report.seen, batches: report.batches, elapsedMs: Math.round(o.budget.elapsedMs()) });
  return report;
}
