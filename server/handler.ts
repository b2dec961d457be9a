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
  /** `wx_client`, `wx_devtools`, `wx_trigger`, `wx_paycallback`, `scf`, ... */
  source: string;
  /** Milliseconds since epoch when the invocation started: use cases take time from here. */
  now: number;
  functionName: string;
  action: string;
}

/** Sources a shopper's mini-program call arrives with. */
export const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_http'];
/** Sources of platform-initiated invocations: timer triggers, WeChat Pay callbacks, other functions. */
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

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes: false });

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || 'payload'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
    .join('; ');
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
    const source = String(wx.SOURCE ?? '');
    const ctx: CallContext = { openid: String(wx.OPENID ?? ''), source, now: Date.now(), functionName: name, action: '' };

    if (source === 'wx_paycallback') {
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
      await recordTimerRun(name, event, platform.timers);
      const action = platform.timers?.[String(event.TriggerName)];
      ctx.action = action ?? `timer:${String(event.TriggerName)}`;
      if (source !== 'wx_trigger' || !action || !platform.actions?.[action]) return { ok: false, error: { code: 'FORBIDDEN', message: 'not a timer of this function' } };
      try {
        return { ok: true, data: await platform.actions[action](event, ctx) };
      } catch (e) {
        return envelopeOf(e, ctx);
      }
    }

    const action = typeof event.action === 'string' ? event.action : '';
    ctx.action = action;
    const platformAction = platform.actions?.[action];
    if (platformAction) {
      if (!PLATFORM_SOURCES.includes(source)) {
        logEvent('platform_action_refused', { fn: name, action, source, openid: ctx.openid });
        return { ok: false, error: { code: 'FORBIDDEN', message: '该操作只允许平台调用' } };
      }
      try {
        return { ok: true, data: await platformAction(event, ctx) };
      } catch (e) {
        return envelopeOf(e, ctx);
      }
    }

    const def = (actions as Record<string, ActionDef<unknown, unknown>>)[action];
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
