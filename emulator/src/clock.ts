/**
 * The emulator's notion of time. Tests move it forward with `advance()` so that
 * 30-minute order timeouts and daily timers can be exercised in milliseconds.
 *
 * By default it follows the machine's clock. Two options pin it, so that a run gives the same
 * answers (and the same screenshots) on any date:
 * - `start`: the clock starts at this instant (epoch ms) and runs on from there;
 * - `frozen`: the clock stands still. It moves only by `advance()` and by one millisecond for each
 *   function invocation (`tick()`), so documents written by successive calls still sort in the
 *   order they were written. Function code sees the instant of its invocation for its whole run.
 */
export interface ClockOptions {
  start?: number;
  frozen?: boolean;
}

export class Clock {
  /** Ticking: how far ahead of the machine's clock. Frozen: unused. */
  private offsetMs: number;
  /** Frozen: the current instant. */
  private frozenAt: number;
  readonly frozen: boolean;

  constructor(options: ClockOptions = {}) {
    const { start, frozen = false } = options;
    if (start !== undefined && !Number.isFinite(start)) throw new RangeError('clock start must be epoch milliseconds');
    const now = Date.now();
    this.frozen = frozen;
    this.frozenAt = start ?? now;
    this.offsetMs = start === undefined ? 0 : start - now;
  }

  now(): number {
    return this.frozen ? this.frozenAt : Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  /**
   * The instant a new function invocation starts at. A frozen clock moves one millisecond first,
   * so that two calls never share an instant.
   */
  tick(): number {
    if (this.frozen) this.frozenAt += 1;
    return this.now();
  }

  /** Moves emulated time forward (never backward) and returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance() takes a non-negative number of milliseconds');
    if (this.frozen) this.frozenAt += ms;
    else this.offsetMs += ms;
    return this.now();
  }

  /** How far emulated time is ahead of the machine's clock, now. */
  get offset(): number {
    return this.now() - Date.now();
  }
}

/** Reads a `--clock` value: epoch milliseconds or an ISO 8601 date-time with its zone. */
export function parseClockStart(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms) || (!/^\d+$/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text))) {
    throw new RangeError(`bad clock start "${text}": give epoch milliseconds or an ISO date-time with a zone, e.g. 2026-06-01T10:00:00+08:00`);
  }
  return ms;
}
