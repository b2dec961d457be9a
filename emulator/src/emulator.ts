import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Clock, type ClockOptions } from './clock';
import { controlRoutes } from './control';
import { databaseActions } from './db/actions';
import { Store } from './db/store';
import { TransactionManager } from './db/transactions';
import { functionActions, gatewayRoute } from './functions/actions';
import { type ParityMode, resolveParity } from './functions/parity';
import { FunctionRuntime } from './functions/runtime';
import { createServer } from './http/server';
import { TimerScheduler } from './timers/scheduler';
import { deployedFunctionsDir, TcApi } from './tcapi';
import type { ActionHandler, EmulatorModule, ModuleContext, Route } from './types';
import { extraModules } from './modules';

export const EMULATOR_VERSION = '0.1.0';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Folder for durable state (database, files). Created if missing. */
  dataDir: string;
  /** Env id the functions see (`cloud.DYNAMIC_CURRENT_ENV`). */
  env?: string;
  /** Folder with one sub-folder per cloud function (each with its built index.js). */
  functionsDir?: string;
  /** Concurrent function invocations (default 4). */
  workers?: number;
  /** Run timer triggers on their schedule (default true; tests may fire them by hand instead). */
  timers?: boolean;
  appid?: string;
  /** Pins the emulated clock: where it starts, and whether it stands still (see clock.ts). */
  clock?: ClockOptions;
  /** `production` runs functions as production may (see functions/parity.ts); default from EMULATOR_PARITY, else off. */
  parity?: ParityMode;
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

/** The local CloudBase: one HTTP server, one durable store, a function runtime and its modules. */
export class Emulator {
  readonly clock: Clock;
  readonly store: Store;
  readonly txs: TransactionManager;
  readonly runtime: FunctionRuntime;
  readonly timers: TimerScheduler;
  readonly env: string;
  readonly parity: ParityMode;
  /** The Tencent Cloud API stand-in that npm run deploy / doctor talk to (src/tcapi). */
  readonly tcapi: TcApi;
  private server?: http.Server;
  private readonly modules: EmulatorModule[] = [];
  private readonly sqlite: Database.Database;
  private url = '';

  constructor(private readonly opts: EmulatorOptions) {
    this.env = opts.env ?? 'local-env';
    this.clock = new Clock(opts.clock);
    const log = opts.log ?? (() => undefined);
    this.parity = resolveParity(opts.parity);
    // production function instances run in UTC; worker threads can only share the process's zone
    if (this.parity === 'production') process.env.TZ = 'UTC';
    fs.mkdirSync(opts.dataDir, { recursive: true });
    this.sqlite = new Database(path.join(opts.dataDir, 'cloudbase.sqlite'));
    // WAL + NORMAL: a committed write is in the WAL file before we answer, so it survives the
    // process being killed (only an OS crash could lose the last transactions).
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.store = new Store(this.sqlite);
    this.txs = new TransactionManager(this.store, this.clock);
    this.runtime = new FunctionRuntime({
      functionsDir: opts.functionsDir ?? path.resolve('cloudfunctions'),
      deployedDir: deployedFunctionsDir(opts.dataDir),
      env: this.env,
      adminUrl: () => `${this.url}/admin`,
      invocationClock: () => {
        const now = this.clock.tick();
        return this.clock.frozen ? { offsetMs: 0, frozenNow: now } : { offsetMs: now - Date.now() };
      },
      poolSize: opts.workers ?? 4,
      parity: this.parity,
      log,
    });
    this.timers = new TimerScheduler(this.runtime, this.clock, log, opts.timers !== false);
    this.tcapi = new TcApi({ env: this.env, dataDir: opts.dataDir, store: this.store, clock: this.clock, runtime: this.runtime, timers: this.timers });
    const ctx: ModuleContext = {
      env: this.env,
      sqlite: this.sqlite,
      clock: this.clock,
      dataDir: opts.dataDir,
      baseUrl: () => this.url,
      functions: this.runtime,
      log,
    };
    for (const make of extraModules) this.modules.push(make(ctx));
  }

  get baseUrl(): string {
    return this.url;
  }

  async start(): Promise<string> {
    const actions: Record<string, ActionHandler> = {
      ...databaseActions(this.store, this.txs, this.clock),
      ...functionActions(this.runtime),
    };
    const routes: Route[] = [
      gatewayRoute(this.runtime, this.opts.appid ?? 'wx-local-dev'),
      ...controlRoutes({ env: this.env, version: EMULATOR_VERSION, store: this.store, clock: this.clock, runtime: this.runtime, timers: this.timers }),
      ...this.tcapi.routes(),
    ];
    for (const m of this.modules) {
      Object.assign(actions, m.actions ?? {});
      routes.push(...(m.routes ?? []));
    }
    const server = createServer({ env: this.env, actions, routes, log: this.opts.log ?? (() => undefined) });
    this.server = server;
    server.on('connect', this.tcapi.onConnect);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host ?? '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : this.opts.port;
    this.url = `http://${this.opts.host ?? '127.0.0.1'}:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.timers.stop();
    for (const m of this.modules) await m.close?.();
    await this.runtime.close();
    if (this.server) {
      const server = this.server;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    this.store.close();
  }
}
