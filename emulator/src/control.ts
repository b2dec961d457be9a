import type { IncomingMessage } from 'node:http';
import { CloudBaseError } from './http/errors';
import { sendJson } from './http/server';
import type { Route } from './types';
import type { Clock } from './clock';
import type { Store } from './db/store';
import type { IndexSpec } from './db/indexes';
import { find } from './db/engine';
import { parseEjson } from './db/ejson';
import type { FunctionRuntime } from './functions/runtime';
import type { TimerScheduler } from './timers/scheduler';

export interface ControlDeps {
  env: string;
  version: string;
  store: Store;
  clock: Clock;
  runtime: FunctionRuntime;
  timers: TimerScheduler;
}

function json(body: Buffer): Record<string, any> {
  if (!body.length) return {};
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, any>;
  } catch {
    /* fall through */
  }
  throw new CloudBaseError('INVALID_PARAM', 'body must be a JSON object', 400);
}

function str(v: unknown, name: string): string {
  if (typeof v !== 'string' || !v) throw new CloudBaseError('INVALID_PARAM', `${name} is required`, 400);
  return v;
}

function normaliseIndex(raw: any): IndexSpec {
  const keys = Array.isArray(raw?.keys)
    ? raw.keys.map((k: any) => ({ field: str(k?.field, 'keys[].field'), direction: k?.direction === -1 ? -1 : 1 }))
    : Object.entries(raw?.fields ?? {}).map(([field, d]) => ({ field, direction: d === -1 ? -1 : 1 }));
  if (!keys.length) throw new CloudBaseError('INVALID_PARAM', 'an index needs keys', 400);
  return { name: str(raw?.name, 'index name'), keys, unique: raw?.unique === true, sparse: raw?.sparse === true };
}

/**
 * The emulator's own control API under `/_emulator/`: health, the emulated clock, timers,
 * function reloads, and database set-up (collections and indexes) that real CloudBase does in its console.
 */
export function controlRoutes(d: ControlDeps): Route[] {
  const post = (path: string, fn: (body: Record<string, any>, req: IncomingMessage) => unknown | Promise<unknown>): Route => ({
    method: 'POST',
    path,
    async handle(req, res, _url, body) {
      sendJson(res, 200, (await fn(json(body), req)) ?? { ok: true });
    },
  });
  const get = (path: string, fn: (url: URL) => unknown): Route => ({
    method: 'GET',
    path,
    handle(_req, res, url) {
      sendJson(res, 200, fn(url));
    },
  });
  return [
    get('/_emulator/health', () => ({ ok: true, env: d.env, version: d.version, now: d.clock.now(), functions: d.runtime.list().map((f) => f.name) })),
    get('/_emulator/clock', () => ({ now: d.clock.now(), offsetMs: d.clock.offset, frozen: d.clock.frozen })),
    post('/_emulator/clock/advance', async (b) => {
      const ms = Number(b.ms);
      if (!Number.isFinite(ms) || ms < 0) throw new CloudBaseError('INVALID_PARAM', 'ms must be a non-negative number', 400);
      d.clock.advance(ms);
      const fired = await d.timers.runDue();
      return { now: d.clock.now(), fired: fired.map((f) => ({ function: f.function, trigger: f.trigger, ok: !f.result.error, result: f.result.result, error: f.result.error?.message })) };
    }),
    get('/_emulator/timers', () => ({ timers: d.timers.list() })),
    post('/_emulator/timers/fire', async (b) => {
      const f = await d.timers.fire(str(b.function, 'function'), typeof b.trigger === 'string' ? b.trigger : undefined);
      return { function: f.function, trigger: f.trigger, ok: !f.result.error, result: f.result.result, error: f.result.error?.message };
    }),
    get('/_emulator/functions', () => ({
      functions: d.runtime.list().map((f) => ({ name: f.name, timeoutMs: f.timeoutMs, timers: f.timers })),
      stats: d.runtime.stats,
    })),
    post('/_emulator/functions/reload', () => {
      const names = d.runtime.reload();
      d.timers.reload();
      return { functions: names };
    }),
    get('/_emulator/db/collections', () => ({ collections: d.store.collectionNames() })),
    post('/_emulator/db/collections', (b) => {
      const names: unknown[] = Array.isArray(b.names) ? b.names : [b.name];
      const created = names.filter((n) => d.store.createCollection(str(n, 'name'), d.clock.now()));
      return { created };
    }),
    post('/_emulator/db/indexes', (b) => {
      const coll = str(b.collection, 'collection');
      const specs = (Array.isArray(b.indexes) ? b.indexes : [b.index]).map(normaliseIndex);
      for (const spec of specs) d.store.ensureIndex(coll, spec);
      return { collection: coll, indexes: d.store.indexSpecs(coll) };
    }),
    post('/_emulator/db/explain', (b) => {
      const coll = str(b.collection, 'collection');
      const query = parseEjson(JSON.stringify(b.query ?? {}), d.clock.now());
      const docs = find(d.store, coll, query, { limit: 1000 });
      return { plan: d.store.lastPlan, returned: docs.length };
    }),
    get('/_emulator/db/plans', () => ({ collections: Object.fromEntries(d.store.planStats) })),
    post('/_emulator/db/plans/reset', () => {
      d.store.planStats.clear();
      return { ok: true };
    }),
    post('/_emulator/db/drop', (b) => {
      const names: unknown[] = b.all === true ? d.store.collectionNames() : Array.isArray(b.names) ? b.names : [b.name];
      for (const n of names) d.store.dropCollection(str(n, 'name'));
      return { dropped: names };
    }),
  ];
}
