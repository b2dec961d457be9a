import Ajv, { type ValidateFunction } from 'ajv';
import type { ActionName, FunctionApi, FunctionName, PayloadOf, Result, ResultOf } from '../miniprogram/contracts';
import { cloud } from './cloud';
import { doctorAction, recordTimerRun } from './doctor';
import { Failure, isFailure } from './failure';
import { logEvent } from './log';

/** Who is calling, taken from the platform (never from the event). */
export interface CallContext {
  /** The caller's OPENID; empty for timers and payment callbacks. */
  openid: string;
  /** `wx_client`, `wx_devtools`, `wx_trigger`, `wx_paycallback`, `scf`, or a chain (`wx_client,scf`). */
  source: string;
  /** Milliseconds since epoch when the invocation started: use cases take time from here. */
  now: number;
  functionName: string;
  action: string;
}

/** Sources a shopper's mini-program call arrives with. */
export const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_http'];
/** Immediate callers of platform-initiated invocations: timer triggers, WeChat Pay callbacks, other functions. */
export const PLATFORM_SOURCES = ['wx_trigger', 'wx_paycallback', 'scf'];

export interface ActionDef<P, R> {
  /** JSON Schema of the payload (without `action` and the platform's `userInfo`); unknown fields are refused. */
  input: object;
  run(input: P, ctx: CallContext): Promise<R>;
}

export type ClientActions<N extends FunctionName> = {
  [A in ActionName<N>]: ActionDef<PayloadOf<N, A>, ResultOf<N, A>>;
};

export interface PlatformHooks {
  /** Actions only the platform may invoke (timers, internal calls), by name. */
  actions?: Record<string, (event: Record<string, unknown>, ctx: CallContext) => Promise<unknown>>;
  /** Timer triggers by trigger name (config.json) -> platform action name. */
  timers?: Record<string, string>;
  /** A WeChat Pay result notification; must answer `{errcode: 0}` once handled, or it is retried. */
  payCallback?: (event: Record<string, unknown>, ctx: CallContext) => Promise<{ errcode: number; errmsg?: string }>;
}

/**
 * The invocation's SOURCE chain, from the platform only (never from the event): `getWXContext()`
 * when it has one, else the platform-set `TCB_SOURCE` (production may run timers and payment
 * callbacks with an empty `WX_CONTEXT_KEYS`, when `getWXContext()` is `{}`).
 */
function callSource(wx: { SOURCE?: string }): string {
  return String(wx.SOURCE || process.env.TCB_SOURCE || '');
}

/**
 * The immediate caller: the last element of the chain. A function called by a client-called
 * function gets `wx_client,scf`: its caller is another function (`scf`), which decided to call it.
 */
function immediateCaller(source: string): string {
  const chain = source.split(',').map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - 1] ?? '';
}

/** A timer run: SOURCE `wx_trigger`, or the platform-set `TRIGGER_SRC=timer` (never for a client call). */
function isTimerRun(caller: string): boolean {
  return caller === 'wx_trigger' || (process.env.TRIGGER_SRC === 'timer' && !CLIENT_SOURCES.includes(caller));
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes: false });

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || 'payload'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
    .join('; ');
}

/** `map[key]` only when `key` is the map's own entry: an action named `constructor` or `__proto__` is unknown, not Object's. */
function ownValue<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function envelopeOf(e: unknown, ctx: CallContext): Result<never> {
  if (isFailure(e)) return { ok: false, error: e.toError() };
  logEvent('unexpected_error', { fn: ctx.functionName, action: ctx.action, error: (e as Error)?.stack ?? String(e) });
  return { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后重试' } };
}

/**
 * Builds a cloud function's `main` from its actions. The handler takes identity from
 * `getWXContext()`, refuses client calls without an OPENID and platform-only actions from clients,
 * validates the payload, runs the action, and answers `{ok, data}` / `{ok: false, error}`.
 */
export function defineFunction<N extends FunctionName>(name: N, actions: ClientActions<N>, platform: PlatformHooks = {}) {
  const validators = new Map<string, ValidateFunction>();
  for (const [action, def] of Object.entries(actions) as Array<[string, ActionDef<unknown, unknown>]>) validators.set(action, ajv.compile(def.input));
  (platform.actions ??= {}).doctor ??= doctorAction(name, platform.timers);

  return async function main(event: Record<string, unknown> = {}): Promise<unknown> {
    const wx = cloud.getWXContext() as { OPENID?: string; SOURCE?: string };
    const source = callSource(wx);
    const caller = immediateCaller(source);
    const ctx: CallContext = { openid: String(wx.OPENID ?? ''), source, now: Date.now(), functionName: name, action: '' };

    if (caller === 'wx_paycallback') {
      if (!platform.payCallback) return { errcode: 1, errmsg: `${name} takes no payment callbacks` };
      ctx.action = 'payCallback';
      try {
        return await platform.payCallback(event, ctx);
      } catch (e) {
        logEvent('pay_callback_failed', { fn: name, error: (e as Error)?.stack ?? String(e) });
        return { errcode: 1, errmsg: 'not handled, retry' };
      }
    }

    if (event.Type === 'Timer') {
      await recordTimerRun(name, event, platform.timers, source, caller);
      const action = ownValue(platform.timers, String(event.TriggerName));
      ctx.action = action ?? `timer:${String(event.TriggerName)}`;
      const timerAction = action === undefined ? undefined : ownValue(platform.actions, action);
      if (!isTimerRun(caller) || !timerAction) return { ok: false, error: { code: 'FORBIDDEN', message: 'not a timer of this function' } };
      try {
        return { ok: true, data: await timerAction(event, ctx) };
      } catch (e) {
        return envelopeOf(e, ctx);
      }
    }

    const action = typeof event.action === 'string' ? event.action : '';
    ctx.action = action;
    const platformAction = ownValue(platform.actions, action);
    if (platformAction) {
      if (!PLATFORM_SOURCES.includes(caller)) {
        logEvent('platform_action_refused', { fn: name, action, source, openid: ctx.openid });
        return { ok: false, error: { code: 'FORBIDDEN', message: '该操作只允许平台调用' } };
      }
      try {
        return { ok: true, data: await platformAction(event, ctx) };
      } catch (e) {
        return envelopeOf(e, ctx);
      }
    }

    const def = ownValue(actions as Record<string, ActionDef<unknown, unknown>>, action);
    if (!def) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `unknown action ${JSON.stringify(action)}` } };
    if (!ctx.openid) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开' } };

    const { action: _action, userInfo: _userInfo, ...payload } = event;
    const validate = validators.get(action)!;
    if (!validate(payload)) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `参数错误: ${describeErrors(validate)}` } };
    try {
      return { ok: true, data: await def.run(payload, ctx) };
    } catch (e) {
      return envelopeOf(e, ctx);
    }
  };
}

export type FunctionApiOf<N extends FunctionName> = FunctionApi[N];
export { Failure };
