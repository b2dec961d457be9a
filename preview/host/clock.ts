/**
 * Fixes the page's clock for repeatable screenshots (countdowns, "今天", relative times):
 * `Date.now()` and `new Date()` return the given instant; dates built from arguments are untouched.
 * Timers keep running on real time.
 */
const RealDate = Date;

export function setPageClock(now: number | null): void {
  const global = globalThis as { Date: DateConstructor };
  if (now === null) {
    global.Date = RealDate;
    return;
  }
  class FixedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(now as number);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return now as number;
    }
  }
  global.Date = FixedDate as DateConstructor;
}
