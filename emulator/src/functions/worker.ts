/**
 * One cloud-function instance. Runs one invocation at a time, so `process.env` (which is private
 * to each worker thread) can carry that invocation's WeChat context for `cloud.getWXContext()`.
 * Loaded modules stay cached between invocations, like a warm CloudBase instance.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

export interface InvokeMessage {
  id: number;
  /** How far the emulator's clock is ahead of real time; function code sees the emulated time. */
  offsetMs: number;
  /** Set when the emulator's clock is frozen: the invocation sees this instant for its whole run. */
  frozenNow?: number;
  name: string;
  file: string;
  event: unknown;
  env: Record<string, string>;
  timeoutMs: number;
}

export interface ReplyMessage {
  id: number;
  ok: boolean;
  /** JSON text of the result (undefined result = no text). */
  json?: string;
  message?: string;
  stack?: string;
}

/**
 * Makes `Date.now()` and `new Date()` follow the emulator's clock, so function code that reads the
 * time agrees with timers and `serverDate` after a test moves the clock forward. Real CloudBase
 * instances simply read the real clock; with no offset this is exactly that.
 */
const RealDate = Date;
let clockOffsetMs = 0;
let frozenNow: number | undefined;
const emulatedNow = () => frozenNow ?? RealDate.now() + clockOffsetMs;
class EmulatedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(emulatedNow());
    else super(...(args as [string]));
  }
  static override now(): number {
    return emulatedNow();
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}
globalThis.Date = EmulatedDate as DateConstructor;

// every variable a previous invocation may have set (the platform's per-invocation context)
const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_API_TOKEN', 'TCB_SOURCE', 'WX_CONTEXT_KEYS', 'TRIGGER_SRC', 'WX_TRIGGER_API_TOKEN_V0'];
const load = createRequire(__filename);
const modules = new Map<string, { main?: (event: unknown, context: unknown) => unknown }>();

process.on('unhandledRejection', (reason) => {
  // CloudBase logs these and keeps the instance; so do we.
  console.error('[function] unhandled rejection:', reason);
});

// The instance's own environment; each invocation's variables (context and the function's own) are
// undone before the next one, so one function's variables never leak into another's invocation.
const baseEnv = { ...process.env };
let lastKeys: string[] = [];

parentPort!.on('message', async (msg: InvokeMessage) => {
  for (const k of [...CONTEXT_KEYS, ...lastKeys]) {
    if (k in baseEnv && !CONTEXT_KEYS.includes(k)) process.env[k] = baseEnv[k];
    else delete process.env[k];
  }
  lastKeys = Object.keys(msg.env);
  Object.assign(process.env, msg.env);
  clockOffsetMs = msg.offsetMs;
  frozenNow = msg.frozenNow;
  let reply: ReplyMessage;
  try {
    let mod = modules.get(msg.file);
    if (!mod) {
      mod = load(msg.file) as { main?: (event: unknown, context: unknown) => unknown };
      modules.set(msg.file, mod);
    }
    if (typeof mod.main !== 'function') throw new Error(`cloud function ${msg.name} does not export main`);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: msg.timeoutMs,
      request_id: `local-${msg.id}`,
      function_name: msg.name,
      function_version: '$LATEST',
      namespace: process.env.SCF_NAMESPACE,
      environ: Object.entries(msg.env).map(([k, v]) => `${k}=${v}`).join(';'),
    };
    const result = await mod.main(msg.event, context);
    reply = { id: msg.id, ok: true, json: result === undefined ? undefined : JSON.stringify(result) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(typeof e === 'string' ? e : JSON.stringify(e));
    reply = { id: msg.id, ok: false, message: err.message, stack: err.stack };
  }
  parentPort!.postMessage(reply);
});
