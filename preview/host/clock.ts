/**
 * The page's clock. By default it follows the emulator's clock (pages and functions then agree
 * on "now", also after a test moved the emulated clock forward, and on a pinned run's date);
 * a screenshot may fix it at an instant (countdowns, "今天", relative times): `Date.now()` and
 * `new Date()` then return that instant. Dates built from arguments are untouched, and timers
 * keep running on real time.
 */
const RealDate = Date;

/** A fixed instant (epoch ms), the emulator's clock (`frozen` fixes it, else it runs on from `now`), or null for the machine's clock. */
export type PageClock = number | { now: number; frozen: boolean } | null;

export function setPageClock(clock: PageClock): void {
  const global = globalThis as { Date: DateConstructor };
  if (clock === null) {
    global.Date = RealDate;
    return;
  }
  const fixed = typeof clock === 'number' ? clock : clock.frozen ? clock.now : null;
  const offset = typeof clock === 'number' ? 0 : clock.now - RealDate.now();
  const now = () => fixed ?? RealDate.now() + offset;
  class PageDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(now());
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return now();
    }
  }
  global.Date = PageDate as DateConstructor;
}

/** The emulator's clock, as its control API tells it. */
export async function emulatorClock(emulatorUrl: string): Promise<{ now: number; frozen: boolean }> {
  const res = await fetch(`${emulatorUrl}/_emulator/clock`);
  if (!res.ok) throw new Error(`the emulator's clock: HTTP ${res.status}`);
  const body = (await res.json()) as { now: number; frozen?: boolean };
  return { now: body.now, frozen: body.frozen === true };
}
