import { Cron } from 'croner';
import type { Clock } from '../clock';
import type { InvokeResult } from '../types';
import type { FunctionRuntime } from '../functions/runtime';

/** CloudBase evaluates timer triggers in Beijing time. */
export const TIMER_TIMEZONE = 'Asia/Shanghai';
/** Longest single sleep, so that clock changes and reloads are noticed. */
const MAX_SLEEP_MS = 60_000;

export interface ScheduledTimer {
  function: string;
  trigger: string;
  config: string;
  next: number | null;
}

export interface FiredTimer {
  function: string;
  trigger: string;
  at: number;
  result: InvokeResult;
}

/** Parses CloudBase's 7-field cron (`sec min hour day month weekday year`) into a matcher. */
export function parseCloudCron(config: string): { cron: Cron; yearOk(year: number): boolean } {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer config must have 7 fields (second minute hour day month weekday year): "${config}"`);
  const yearExpr = fields[6];
  const cron = new Cron(fields.slice(0, 6).join(' '), { timezone: TIMER_TIMEZONE, paused: true, legacyMode: true });
  const yearOk = (year: number) =>
    yearExpr === '*' ||
    yearExpr.split(',').some((part) => {
      const [a, b] = part.split('-').map(Number);
      if (!Number.isInteger(a)) throw new Error(`bad year field "${yearExpr}" in "${config}"`);
      return b === undefined ? year === a : year >= a && year <= b;
    });
  yearOk(2000); // validates the field now rather than at fire time
  return { cron, yearOk };
}

function nextFire(parsed: ReturnType<typeof parseCloudCron>, after: number): number | null {
  let from = new Date(after);
  for (let i = 0; i < 1000; i++) {
    const d = parsed.cron.nextRun(from);
    if (!d) return null;
    const year = Number(new Intl.DateTimeFormat('en-US', { timeZone: TIMER_TIMEZONE, year: 'numeric' }).format(d));
    if (parsed.yearOk(year)) return d.getTime();
    from = d;
  }
  return null;
}

interface Entry extends ScheduledTimer {
  parsed: ReturnType<typeof parseCloudCron>;
}

/**
 * Fires the timer triggers declared in each function's config.json on the emulator's clock.
 * Moving the clock forward fires each trigger that came due once (not once per missed period).
 */
export class TimerScheduler {
  private entries: Entry[] = [];
  private handle: NodeJS.Timeout | undefined;
  private stopped = false;
  readonly fired: FiredTimer[] = [];

  constructor(
    private readonly runtime: FunctionRuntime,
    private readonly clock: Clock,
    private readonly log: (event: string, detail?: Record<string, unknown>) => void,
    private readonly enabled = true,
  ) {
    this.reload();
  }

  reload(): void {
    const now = this.clock.now();
    this.entries = [];
    for (const def of this.runtime.list()) {
      for (const t of def.timers) {
        try {
          const parsed = parseCloudCron(t.config);
          this.entries.push({ function: def.name, trigger: t.name, config: t.config, parsed, next: nextFire(parsed, now) });
        } catch (e) {
          this.log('timer_config_error', { function: def.name, trigger: t.name, error: (e as Error).message });
        }
      }
    }
    this.arm();
  }

  list(): ScheduledTimer[] {
    return this.entries.map(({ parsed: _parsed, ...rest }) => rest);
  }

  /** Fires one function's timer now, whatever its schedule (for tests and the dev menu). */
  async fire(fn: string, trigger?: string): Promise<FiredTimer> {
    const entry = this.entries.find((e) => e.function === fn && (!trigger || e.trigger === trigger));
    const name = entry?.trigger ?? trigger ?? 'manual';
    return this.invoke(fn, name);
  }

  /** Fires every trigger due at the current (emulated) time. */
  async runDue(): Promise<FiredTimer[]> {
    const now = this.clock.now();
    const due = this.entries.filter((e) => e.next !== null && e.next <= now);
    for (const e of due) e.next = nextFire(e.parsed, now);
    const fired = await Promise.all(due.map((e) => this.invoke(e.function, e.trigger)));
    this.arm();
    return fired;
  }

  private async invoke(fn: string, trigger: string): Promise<FiredTimer> {
    const at = this.clock.now();
    const event = { Type: 'Timer', TriggerName: trigger, Time: new Date(at).toISOString(), Message: '' };
    const result = await this.runtime.invoke(fn, event, { source: 'wx_trigger' });
    const fired = { function: fn, trigger, at, result };
    this.fired.push(fired);
    if (this.fired.length > 1000) this.fired.splice(0, this.fired.length - 1000);
    this.log('timer_fired', { function: fn, trigger, ok: !result.error, error: result.error?.message });
    return fired;
  }

  private arm(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    if (this.stopped || !this.enabled) return;
    const nexts = this.entries.map((e) => e.next).filter((n): n is number => n !== null);
    if (!nexts.length) return;
    const wait = Math.max(0, Math.min(Math.min(...nexts) - this.clock.now(), MAX_SLEEP_MS));
    this.handle = setTimeout(() => void this.runDue(), wait);
    this.handle.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
  }
}
