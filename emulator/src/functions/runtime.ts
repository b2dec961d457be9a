import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionInvoker, InvocationContext, InvokeResult } from '../types';
import { sdkEnv } from '../sdk-env';
import { encodeCallerToken } from '../wxapi/caller-token';
import { type ParityMode, immediateSource } from './parity';
import { type FunctionDef, scanFunctions } from './registry';
import type { InvokeMessage, ReplyMessage } from './worker';

export interface RuntimeOptions {
  functionsDir: string;
  /** Functions deployed through the management API (src/tcapi); they replace same-named ones of functionsDir. */
  deployedDir?: string;
  env: string;
  /** The emulated clock at the start of an invocation (a frozen clock moves one millisecond per call). */
  invocationClock(): { offsetMs: number; frozenNow?: number };
  /** The emulator's `/admin` URL, which the SDK inside each function is pointed at. */
  adminUrl(): string;
  /** How many invocations run at once; the rest wait in line (CloudBase scales out, a laptop cannot). */
  poolSize: number;
  workerFile?: string;
  /** `production`: timers and pay callbacks run with an empty WX_CONTEXT_KEYS (see parity.ts). */
  parity?: ParityMode;
  log(event: string, detail?: Record<string, unknown>): void;
}

interface Job {
  def: FunctionDef;
  event: unknown;
  ctx: InvocationContext;
  resolve(r: InvokeResult): void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** The running job is a call from inside another function. */
  nested: boolean;
  idleSince: number;
}

/** Burst instances idle this long are stopped (the pool itself stays warm). */
const BURST_IDLE_MS = 30_000;

let nextId = 1;

/** A call from inside another function (`scf`, `wx_client,scf`, ...). */
const isNested = (ctx: InvocationContext) => immediateSource(ctx.source) === 'scf';

/**
 * Extra instances allowed for calls made from inside a function (SOURCE scf). Without them a
 * pool whose every slot holds a caller waiting on `cloud.callFunction` would deadlock; CloudBase
 * itself just starts more instances.
 */
export const NESTED_BURST = 8;

/**
 * Runs cloud functions in a bounded pool of worker threads, each invocation with its own
 * WeChat context. A function that overruns its `config.json` timeout has its instance killed.
 */
export class FunctionRuntime implements FunctionInvoker {
  private defs = new Map<string, FunctionDef>();
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  readonly stats = { invocations: 0, errors: 0, timeouts: 0 };

  private readonly reaper: NodeJS.Timeout;

  constructor(private readonly opts: RuntimeOptions) {
    this.reload();
    this.reaper = setInterval(() => this.reapIdleBurst(), 5_000);
    this.reaper.unref();
  }

  private reapIdleBurst(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      if (this.slots.length <= this.opts.poolSize) return;
      if (!slot.busy && now - slot.idleSince > BURST_IDLE_MS) this.retire(slot);
    }
  }

  /** Re-reads the functions folder and restarts idle instances so new code is loaded. */
  reload(): string[] {
    this.defs = new Map([...scanFunctions(this.opts.functionsDir), ...(this.opts.deployedDir ? scanFunctions(this.opts.deployedDir) : [])]);
    for (const slot of [...this.slots]) if (!slot.busy) this.retire(slot);
    return [...this.defs.keys()];
  }

  list(): FunctionDef[] {
    return [...this.defs.values()];
  }

  get(name: string): FunctionDef | undefined {
    return this.defs.get(name);
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  openApiPermissions(name: string): readonly string[] | undefined {
    return this.defs.get(name)?.permissions.openapi;
  }

  invoke(name: string, event: unknown, ctx: InvocationContext): Promise<InvokeResult> {
    const def = this.defs.get(name);
    if (!def) return Promise.resolve({ error: { message: `function ${name} not found` }, durationMs: 0 });
    return new Promise((resolve) => {
      const job = { def, event, ctx, resolve };
      // nested calls go first: their callers are holding instances while they wait
      if (isNested(ctx)) this.queue.unshift(job);
      else this.queue.push(job);
      this.pump();
    });
  }

  private env(def: FunctionDef, ctx: InvocationContext): Record<string, string> {
    // Production gives every invocation an opaque WX_API_TOKEN that the SDK sends with each request
    // (hidden from getWXContext); CloudBase maps it back to the invocation: the caller (e.g. the payer
    // of unifiedOrder) and the function (whose config.json permissions an openapi call needs).
    const token = encodeCallerToken({ openid: ctx.openid, appid: ctx.appid, unionid: ctx.unionid, function: def.name });
    const env: Record<string, string> = { TCB_SOURCE: ctx.source };
    const immediate = immediateSource(ctx.source);
    if (immediate === 'wx_trigger') {
      // CloudBase marks timer runs; the SDK then sends WX_TRIGGER_API_TOKEN_V0 instead of WX_API_TOKEN
      env.TRIGGER_SRC = 'timer';
      env.WX_TRIGGER_API_TOKEN_V0 = token;
    }
    if (this.opts.parity === 'production' && (immediate === 'wx_trigger' || immediate === 'wx_paycallback')) {
      // as production may run them: getWXContext() is {} and only the platform variables tell the source
      env.WX_CONTEXT_KEYS = '';
      return env;
    }
    // CloudBase lists the context keys; the SDK skips the ones left unset (and returns nothing at
    // all, not even SOURCE, when the list is empty).
    env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN';
    env.WX_API_TOKEN = token;
    if (ctx.openid !== undefined) env.WX_OPENID = ctx.openid;
    if (ctx.appid !== undefined) env.WX_APPID = ctx.appid;
    if (ctx.unionid !== undefined) env.WX_UNIONID = ctx.unionid;
    if (ctx.clientIp !== undefined) env.WX_CLIENTIP = ctx.clientIp;
    return env;
  }

  private spawn(): Slot {
    const workerFile = this.opts.workerFile ?? path.join(__dirname, 'worker.js');
    const worker = new Worker(workerFile, {
      // what the SDK needs to talk to this emulator instead of Tencent Cloud. No TZ here: worker
      // threads share the process's time zone whatever their env says (see parity.ts).
      env: { ...process.env, ...sdkEnv(this.opts.adminUrl(), this.opts.env), TENCENTCLOUD_SESSIONTOKEN: '' },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: false, nested: false, idleSince: Date.now() };
    worker.on('error', (e) => this.opts.log('function_instance_error', { error: String(e) }));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  private pump(): void {
    while (!this.closed && this.queue.length) {
      const nested = isNested(this.queue[0].ctx);
      // top-level invocations are bounded by the pool size; nested ones may use burst instances
      if (!nested && this.slots.filter((s) => s.busy && !s.nested).length >= this.opts.poolSize) return;
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.opts.poolSize + (nested ? NESTED_BURST : 0)) slot = this.spawn();
      if (!slot) return;
      slot.nested = nested;
      this.run(slot, this.queue.shift()!);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.busy = true;
    const id = nextId++;
    const started = Date.now();
    this.stats.invocations++;
    const msg: InvokeMessage = { id, ...this.opts.invocationClock(), name: job.def.name, file: job.def.file, event: job.event, env: { ...job.def.env, ...this.env(job.def, job.ctx) }, timeoutMs: job.def.timeoutMs };
    const finish = (r: InvokeResult, healthy: boolean) => {
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('exit', onExit);
      if (r.error) this.stats.errors++;
      if (healthy) {
        slot.busy = false;
        slot.nested = false;
        slot.idleSince = Date.now();
      } else this.retire(slot);
      job.resolve(r);
      this.pump();
    };
    const onMessage = (reply: ReplyMessage) => {
      if (reply.id !== id) return;
      const durationMs = Date.now() - started;
      if (reply.ok) finish({ result: reply.json === undefined ? undefined : JSON.parse(reply.json), durationMs }, true);
      else finish({ error: { message: reply.message ?? 'unknown error', stack: reply.stack }, durationMs }, true);
    };
    const onExit = (code: number) => finish({ error: { message: `function instance exited with code ${code}` }, durationMs: Date.now() - started }, false);
    const timer = setTimeout(() => {
      this.stats.timeouts++;
      finish({ error: { message: `Invoking task timed out after ${job.def.timeoutMs / 1000} seconds`, timeout: true }, durationMs: Date.now() - started }, false);
    }, job.def.timeoutMs);
    slot.worker.on('message', onMessage);
    slot.worker.on('exit', onExit);
    slot.worker.postMessage(msg);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    for (const job of this.queue.splice(0)) job.resolve({ error: { message: 'emulator is shutting down' }, durationMs: 0 });
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
