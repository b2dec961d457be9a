/**
 * A local mall for tests: the emulator running the real, built cloud functions, deployed as
 * `npm start` deploys them, plus helpers to call functions as different shoppers, fire timers,
 * play WeChat Pay, and read or seed the database through the real wx-server-sdk.
 */
import path from 'node:path';
import type { ActionName, FunctionName, PayloadOf, Result, ResultOf } from '../../miniprogram/contracts';
import { type RunningEmulator, realSdk, startEmulator, type StartOptions, type WxServerSdk } from '../../emulator/test/support/harness';
import { deployLocal } from '../../scripts/lib/deploy-local';

export const FUNCTIONS_DIR = path.resolve(__dirname, '../../cloudfunctions');

export interface Mall {
  emu: RunningEmulator;
  cloud: WxServerSdk;
  db: any;
  /** Calls a function through the client gateway as the shopper `openid` (SOURCE wx_client). */
  as(openid: string): Caller;
  /** Sends a raw event through the gateway (for tampering tests: unknown fields, wrong types). */
  raw(openid: string, fn: string, event: Record<string, unknown>): Promise<any>;
  /** Fires a function's timer trigger now. */
  fireTimer(fn: string, trigger?: string): Promise<any>;
  /** The emulated clock (epoch ms). */
  now(): Promise<number>;
  /** Moves the emulated clock forward and fires timers that came due. */
  advance(ms: number): Promise<any>;
  /** Plays the shopper paying a WeChat Pay order (see emulator/docs/wxapi.md). */
  pay(outTradeNo: string, opts?: { duplicates?: number; parallel?: boolean; fail?: boolean }): Promise<any>;
  stop(): Promise<void>;
}

export interface Caller {
  call<N extends FunctionName, A extends ActionName<N>>(fn: N, action: A, payload: PayloadOf<N, A>): Promise<Result<ResultOf<N, A>>>;
  /** Like `call`, but fails the test unless the result is ok, and returns its data. */
  ok<N extends FunctionName, A extends ActionName<N>>(fn: N, action: A, payload: PayloadOf<N, A>): Promise<ResultOf<N, A>>;
}

async function gateway(emu: RunningEmulator, openid: string, fn: string, event: unknown): Promise<any> {
  const res = await fetch(`${emu.url}/gateway/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { result?: unknown; errCode?: number; errMsg?: string };
  if (body.errCode) throw new Error(`${fn}: ${body.errMsg}`);
  return body.result;
}

/**
 * `env` is added to the emulator process's environment, which its function instances inherit: the
 * way to set a function's environment variables (`PLATFORM_ADMIN_OPENIDS`) or emulator options
 * (`EMULATOR_SUBSCRIBE_DEFAULT: 'none'` to make subscribe messages need credits, as in WeChat).
 * `clock` pins the emulated clock (test/support/pinned-clock.ts). Missing production settings take
 * their samples here (`CLOUDMALL_ALLOW_SAMPLE_SETTINGS: '1'`, server/settings.ts); pass
 * `CLOUDMALL_ALLOW_SAMPLE_SETTINGS: ''` to run as production does.
 */
export async function startMall(opts: { workers?: number; timers?: boolean; env?: Record<string, string>; parity?: 'production' | 'off'; clock?: StartOptions['clock'] } = {}): Promise<Mall> {
  // Every test mall runs with the production-parity switch on (empty WX_CONTEXT_KEYS for timers and
  // pay callbacks, UTC), so the whole function suite proves the mall works as production runs it.
  const emu = await startEmulator({ functionsDir: FUNCTIONS_DIR, workers: opts.workers ?? 4, timers: opts.timers ?? false, parity: opts.parity ?? 'production', env: { EMULATOR_SUBSCRIBE_DEFAULT: 'granted', CLOUDMALL_ALLOW_SAMPLE_SETTINGS: '1', ...opts.env }, clock: opts.clock });
  await deployLocal(emu.url);
  const cloud = realSdk(emu.adminUrl);
  const db = cloud.database();
  const as = (openid: string): Caller => ({
    call: (fn, action, payload) => gateway(emu, openid, fn, { ...(payload as object), action }),
    async ok(fn, action, payload) {
      const r = (await gateway(emu, openid, fn, { ...(payload as object), action })) as Result<unknown>;
      if (!r || r.ok !== true) throw new Error(`${fn}.${action} as ${openid} failed: ${JSON.stringify(r)}`);
      return r.data as never;
    },
  });
  return {
    emu,
    cloud,
    db,
    as,
    raw: (openid, fn, event) => gateway(emu, openid, fn, event),
    fireTimer: (fn, trigger) => emu.control('/_emulator/timers/fire', { function: fn, trigger }),
    now: async () => (await emu.control<{ now: number }>('/_emulator/clock')).now,
    advance: (ms) => emu.control('/_emulator/clock/advance', { ms }),
    pay: (outTradeNo, o = {}) => emu.control('/_emulator/pay/simulate', { outTradeNo, wait: true, ...o }),
    stop: async () => {
      await emu.stop();
    },
  };
}
