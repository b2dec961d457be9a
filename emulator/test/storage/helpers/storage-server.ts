import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Clock } from '../../../src/clock';
import { createServer } from '../../../src/http/server';
import { createStorageModule } from '../../../src/storage';
import type { StorageOptions, StorageService } from '../../../src/storage';
import type { ActionHandler, FunctionInvoker, ModuleContext, Route } from '../../../src/types';

/** One request as the storage module saw it: an action's JSON params, or a route's raw request. */
export interface CapturedRequest {
  kind: 'action' | 'route';
  /** Action name, or `METHOD /path`. */
  name: string;
  env?: string;
  headers?: Record<string, string | string[] | undefined>;
  /** Action params, or the raw route body. */
  body: unknown;
  /** What an action handler answered (set once it returned). */
  result?: unknown;
}

export interface StorageHarness {
  baseUrl: string;
  adminUrl: string;
  dataDir: string;
  clock: Clock;
  sqlite: Database.Database;
  ctx: ModuleContext;
  service: StorageService;
  captured: CapturedRequest[];
  events: Array<{ event: string; detail?: Record<string, unknown> }>;
  close(): Promise<void>;
}

export const ENV = 'local-env';

const noFunctions: FunctionInvoker = {
  invoke: () => Promise.reject(new Error('the storage tests run no cloud functions')),
  has: () => false,
};

/**
 * The emulator's HTTP server with only the storage module mounted, an in-memory SQLite database and
 * a temporary data folder. Every request reaching the module is recorded in `captured`.
 */
export async function startStorageServer(storageOptions: StorageOptions = {}): Promise<StorageHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-storage-'));
  const sqlite = new Database(':memory:');
  const clock = new Clock();
  const captured: CapturedRequest[] = [];
  const events: StorageHarness['events'] = [];
  let baseUrl = '';
  const log = (event: string, detail?: Record<string, unknown>) => events.push({ event, detail });
  const ctx: ModuleContext = { env: ENV, sqlite, clock, dataDir, baseUrl: () => baseUrl, functions: noFunctions, log };
  const mod = createStorageModule(ctx, storageOptions);

  const actions: Record<string, ActionHandler> = {};
  for (const [name, handler] of Object.entries(mod.actions ?? {})) {
    actions[name] = async (req) => {
      const entry: CapturedRequest = { kind: 'action', name, env: req.env, body: req.params };
      captured.push(entry);
      entry.result = await handler(req);
      return entry.result as Awaited<ReturnType<ActionHandler>>;
    };
  }
  const routes: Route[] = (mod.routes ?? []).map((r) => ({
    ...r,
    handle: (req, res, url, body) => {
      captured.push({ kind: 'route', name: `${req.method} ${url.pathname}`, headers: req.headers, body });
      return r.handle(req, res, url, body);
    },
  }));

  const server: http.Server = createServer({ env: ENV, actions, routes, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    adminUrl: `${baseUrl}/admin`,
    dataDir,
    clock,
    sqlite,
    ctx,
    service: mod.service,
    captured,
    events,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the CloudBase API the way the SDK does, bypassing the SDK's own argument checks. */
export async function callAdmin(h: StorageHarness, body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${h.adminUrl}?env=${ENV}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}
