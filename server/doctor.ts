/**
 * What a live function sees, for `npm run doctor` (scripts/doctor.ts), which invokes every function
 * with `{action: 'doctor'}` through the management API. A platform-only action (the handler refuses
 * it from the mini-program), registered for every function by `defineFunction`.
 *
 * It reports names, never values: the `getWXContext()` keys present, SOURCE, the time zone, the
 * Node.js version, which expected environment variables are set, whether each cloud-call permission
 * in the function's config.json works (a harmless probe; -604101 means DevTools never registered
 * it), and the last run of each timer trigger as recorded by `recordTimerRun`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _, cloud, db } from './cloud';
import { CLIENT_SOURCES } from './handler';
import { logEvent } from './log';
import type { TimerRunDoc } from './model';
import { repo } from './repo';

/** WeChat's answer to a cloud call the function did not declare (or DevTools never registered). */
export const OPENAPI_NOT_PERMITTED = -604101;

export interface OpenApiProbe {
  permitted: boolean;
  errCode: number | null;
  message: string;
}

export interface DoctorReport {
  function: string;
  wxContextKeys: string[];
  source: string;
  timeZone: { TZ: string | null; intl: string; utcOffsetMinutes: number };
  node: string;
  /** Names asked for in the event (`expectEnv`) -> set and non-empty? */
  env: Record<string, boolean>;
  /** Bundle hash deploy stamped on the function (CLOUDMALL_BUNDLE_SHA256), if any. */
  bundleHash: string | null;
  openapi: Record<string, OpenApiProbe>;
  timerRuns: Array<{ trigger: string; source: string; contextKeys: string[]; at: string }>;
}

type Probe = () => Promise<unknown>;

/** Harmless calls: each must reach WeChat and fail (or pass) there without effect on anyone. */
const PROBES: Record<string, Probe> = {
  // an empty template id: WeChat answers 40037 (or 40003 for the unknown user) and sends nothing
  'subscribeMessage.send': () => cloud.openapi.subscribeMessage.send({ touser: 'cloudmall-doctor-probe', templateId: '', data: {} }),
  'security.msgSecCheck': () => cloud.openapi.security.msgSecCheck({ content: '你好' }),
};

async function probe(api: string): Promise<OpenApiProbe> {
  const run = PROBES[api];
  if (!run) return { permitted: false, errCode: null, message: `no probe for ${api}` };
  try {
    await run();
    return { permitted: true, errCode: 0, message: 'ok' };
  } catch (e) {
    const errCode = typeof (e as { errCode?: unknown }).errCode === 'number' ? ((e as { errCode: number }).errCode) : null;
    const message = String((e as Error)?.message ?? e).slice(0, 200);
    const notPermitted = errCode === OPENAPI_NOT_PERMITTED || message.includes(String(OPENAPI_NOT_PERMITTED));
    return { permitted: !notPermitted, errCode, message };
  }
}

function declaredOpenApi(): string[] {
  // config.json is uploaded beside the bundle (index.js), as DevTools uploads it
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as { permissions?: { openapi?: unknown } };
    return Array.isArray(cfg.permissions?.openapi) ? cfg.permissions.openapi.map(String) : [];
  } catch {
    return [];
  }
}

function utcOffsetMinutes(at: Date): number {
  return -at.getTimezoneOffset();
}

/** The `doctor` platform action of function `fn`, whose timer triggers are `timers` (trigger -> action). */
export function doctorAction(fn: string, timers: Record<string, string> = {}) {
  return async (event: Record<string, unknown>): Promise<DoctorReport> => {
    const wx = cloud.getWXContext() as Record<string, unknown>;
    const expect = Array.isArray(event.expectEnv) ? event.expectEnv.filter((n): n is string => typeof n === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(n)).slice(0, 50) : [];
    const openapi: Record<string, OpenApiProbe> = {};
    for (const api of declaredOpenApi()) openapi[api] = await probe(api);
    const ids = Object.keys(timers).map((t) => `${fn}:${t}`);
    const runs = ids.length ? ((await db.collection('timer_runs').where({ _id: _.in(ids) }).limit(20).get()).data as TimerRunDoc[]) : [];
    return {
      function: fn,
      wxContextKeys: Object.keys(wx).filter((k) => wx[k] !== undefined && wx[k] !== '').sort(),
      source: String(wx.SOURCE ?? ''),
      timeZone: { TZ: process.env.TZ ?? null, intl: Intl.DateTimeFormat().resolvedOptions().timeZone, utcOffsetMinutes: utcOffsetMinutes(new Date()) },
      node: process.version,
      env: Object.fromEntries(expect.map((n) => [n, Boolean(process.env[n])])),
      bundleHash: process.env.CLOUDMALL_BUNDLE_SHA256 || null,
      openapi,
      timerRuns: runs.map((r) => ({ trigger: r.trigger, source: r.source, contextKeys: r.contextKeys, at: new Date(r.at).toISOString() })),
    };
  };
}

/**
 * Records the context of a timer run (one document per function and trigger), called by the
 * handler's timer branch (with the SOURCE it read and the immediate caller) before it decides whether to run the timer, so a run the handler refused
 * (an unexpected SOURCE) is on record too. Only declared triggers, and never from a client source
 * (a shopper can send `{Type: 'Timer'}` but must not overwrite the record). Never throws.
 */
export async function recordTimerRun(fn: string, event: Record<string, unknown>, timers: Record<string, string> | undefined, source: string, caller: string): Promise<void> {
  try {
    const trigger = String(event.TriggerName ?? '');
    if (!timers || !Object.prototype.hasOwnProperty.call(timers, trigger)) return;
    const wx = cloud.getWXContext() as Record<string, unknown>;
    // `source` as the handler reads it: getWXContext().SOURCE, else the platform-set TCB_SOURCE
    // (getWXContext() is empty where WX_CONTEXT_KEYS is)
    if (CLIENT_SOURCES.includes(caller)) return;
    const doc: TimerRunDoc = {
      _id: `${fn}:${trigger}`,
      function: fn,
      trigger,
      source: source.slice(0, 64),
      contextKeys: Object.keys(wx).filter((k) => wx[k] !== undefined && wx[k] !== '').sort().slice(0, 20),
      at: new Date(),
    };
    await repo.set('timer_runs', doc);
  } catch (e) {
    logEvent('timer_run_not_recorded', { fn, error: (e as Error)?.message ?? String(e) });
  }
}
