import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Clock } from '../../../src/clock';
import { createServer } from '../../../src/http/server';
import type { EmulatorModule, ModuleContext } from '../../../src/types';
import { type WxApiOptions, createWxApiModule } from '../../../src/wxapi';
import { FakeFunctions } from './fake-functions';

export const ENV = 'local-env';

/** The wxapi module mounted on the emulator's HTTP server, with an in-memory database. */
export interface WxApiHarness {
  port: number;
  adminUrl: string;
  clock: Clock;
  db: Database.Database;
  functions: FakeFunctions;
  module: EmulatorModule;
  events: Array<{ event: string; detail?: Record<string, unknown> }>;
  /** Calls a control route with a JSON body; returns the HTTP status and parsed JSON. */
  post(route: string, body: unknown): Promise<{ status: number; json: Record<string, any> }>;
  get(route: string): Promise<{ status: number; json: Record<string, any> }>;
  /** Restarts the module on the same database (as after an emulator restart). */
  restart(options?: Partial<WxApiOptions>): void;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<WxApiOptions> = {}, functionNames: string[] = ['payCb', 'refundCb']): Promise<WxApiHarness> {
  const db = new Database(':memory:');
  const clock = new Clock();
  const functions = new FakeFunctions([...functionNames]);
  const events: WxApiHarness['events'] = [];
  let port = 0;
  const ctx: ModuleContext = {
    env: ENV,
    sqlite: db,
    clock,
    dataDir: path.join(os.tmpdir(), 'wxapi-test'),
    baseUrl: () => `http://127.0.0.1:${port}`,
    functions,
    log: (event, detail) => {
      events.push({ event, detail });
    },
  };
  let module = createWxApiModule(ctx, options);
  // The server reads actions and routes through these objects, so `restart` can swap the module.
  const actions: Record<string, NonNullable<EmulatorModule['actions']>[string]> = {};
  const routes: NonNullable<EmulatorModule['routes']> = [];
  const mount = (m: EmulatorModule) => {
    for (const k of Object.keys(actions)) delete actions[k];
    Object.assign(actions, m.actions);
    routes.splice(0, routes.length, ...(m.routes ?? []));
  };
  mount(module);
  const server: http.Server = createServer({ env: ENV, actions, routes, log: ctx.log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };

  return {
    port,
    adminUrl: `http://127.0.0.1:${port}/admin`,
    clock,
    db,
    functions,
    get module() {
      return module;
    },
    events,
    post: (route, body) => call('POST', route, body),
    get: (route) => call('GET', route),
    restart(next = options) {
      void module.close?.();
      module = createWxApiModule(ctx, next);
      mount(module);
    },
    async close() {
      await module.close?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

/** Polls `read` until `done` accepts its value (for asynchronous deliveries). */
export async function eventually<T>(read: () => Promise<T> | T, done: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
