/**
 * Time in the domain is a number of milliseconds since the Unix epoch, always passed in by the
 * caller (the domain never reads the clock, so every function is deterministic). Periods are
 * half-open: a window `[startAt, endAt)` includes its start and excludes its end.
 */

/** One minute in milliseconds. */
export const MINUTE_MS = 60 * 1000;

/** One day (24 hours) in milliseconds. */
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** Returns true when `now` lies in the half-open window `[startAt, endAt)`. */
export function isWithin(now: number, startAt: number, endAt: number): boolean {
  return now >= startAt && now < endAt;
}

/** Throws a RangeError unless `ms` is a safe integer timestamp or duration in milliseconds. */
export function assertMillis(ms: unknown, label = 'time'): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) {
    throw new RangeError(`${label} must be a safe integer number of milliseconds, got ${String(ms)}`);
  }
}
