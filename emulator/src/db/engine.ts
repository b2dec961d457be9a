import { randomBytes } from 'node:crypto';
import { Aggregator, Query } from 'mingo';
import { update as applyUpdate } from 'mingo';
import { CloudBaseError } from '../http/errors';
import { type Doc, clone } from './ejson';
import type { Change, Store } from './store';

/** What a transaction sees: the snapshot it started at plus its own uncommitted writes. */
export interface View {
  snapshot: number;
  /** Pending writes keyed by `coll\0id`; `null` = removed in this transaction. */
  writes: Map<string, Change>;
}

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface WriteOptions {
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

export interface WritePlan {
  changes: Change[];
  updated: number;
  upsertId?: string;
  /** New versions of the updated documents, in match order. */
  after: Doc[];
}

/** CloudBase-style document ids: 32 lowercase hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

const mingoOptions = { useStrictMode: true, failOnError: true } as const;

function wrap<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CloudBaseError) throw e;
    throw new CloudBaseError('INVALID_PARAM', `${what}: ${(e as Error).message}`);
  }
}

function compile(query: Doc | undefined): Query {
  return wrap('invalid query', () => new Query(query ?? {}, mingoOptions));
}

/** All documents of a collection visible in `view` that match `query`, in natural order. */
export function matching(store: Store, coll: string, query: Doc | undefined, view?: View): Doc[] {
  const q = compile(query);
  const base = store.candidates(coll, query, view?.snapshot);
  const out: Doc[] = [];
  if (!view || view.writes.size === 0) {
    for (const d of base) if (wrap('query failed', () => q.test(d))) out.push(d);
    return out;
  }
  const prefix = `${coll}\u0000`;
  const overridden = new Set<string>();
  for (const [key, ch] of view.writes) if (key.startsWith(prefix)) overridden.add(ch.id);
  for (const d of base) if (!overridden.has(String(d._id)) && q.test(d)) out.push(d);
  for (const [key, ch] of view.writes) if (key.startsWith(prefix) && ch.doc && q.test(ch.doc)) out.push(ch.doc);
  return out;
}

export function find(store: Store, coll: string, query: Doc | undefined, opts: FindOptions, view?: View): Doc[] {
  const docs = matching(store, coll, query, view);
  return wrap('invalid find options', () => {
    let cursor = new Query({}, mingoOptions).find(docs, opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined);
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order);
    if (opts.offset) cursor = cursor.skip(opts.offset);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all().map((d) => clone(d as Doc));
  });
}

export function insertPlan(store: Store, coll: string, docs: Doc[], view?: View): { changes: Change[]; ids: string[] } {
  store.coll(coll);
  const ids: string[] = [];
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const input of docs) {
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new CloudBaseError('INVALID_PARAM', 'each document must be an object');
    for (const key of Object.keys(input))
      if (key.startsWith('$')) throw new CloudBaseError('INVALID_PARAM', `field names cannot start with $: ${key}`);
    const id = input._id === undefined ? newId() : input._id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new CloudBaseError('INVALID_PARAM', '_id must be a string or a number');
    const key = String(id);
    const existing = view ? visible(store, coll, key, view) : store.get(coll, key);
    if (existing || seen.has(key)) throw new CloudBaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${key}" }`);
    seen.add(key);
    ids.push(key);
    changes.push({ coll, id: key, doc: { ...clone(input), _id: id } });
  }
  return { changes, ids };
}

/** One document by id as `view` sees it. */
export function visible(store: Store, coll: string, id: string, view?: View): Doc | undefined {
  if (view) {
    const pending = view.writes.get(`${coll}\u0000${id}`);
    if (pending) return pending.doc ?? undefined;
    return store.get(coll, id, view.snapshot);
  }
  return store.get(coll, id);
}

function hasOperators(data: Doc): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'));
}

/** Applies CloudBase update data to a copy of `doc`; returns undefined when nothing changed. */
export function applyData(doc: Doc, data: Doc, merge: boolean): Doc | undefined {
  if (!merge) {
    if (hasOperators(data)) throw new CloudBaseError('INVALID_PARAM', 'a replacement document cannot hold update operators');
    if (data._id !== undefined && data._id !== doc._id) throw new CloudBaseError('INVALID_PARAM', 'cannot change _id');
    const next = { ...clone(data), _id: doc._id };
    return next;
  }
  const modifier = hasOperators(data) ? data : { $set: data };
  for (const [op, fields] of Object.entries(modifier)) {
    if (!op.startsWith('$')) throw new CloudBaseError('INVALID_PARAM', `cannot mix update operators and plain fields: ${op}`);
    if (fields && typeof fields === 'object')
      for (const path of Object.keys(fields))
        if (path === '_id' || path.startsWith('_id.')) throw new CloudBaseError('INVALID_PARAM', 'cannot change _id');
  }
  const next = clone(doc);
  const changed = wrap('invalid update', () => applyUpdate(next, modifier as never, undefined, undefined, { cloneMode: 'deep' }));
  return changed.length ? next : undefined;
}

export function updatePlan(store: Store, coll: string, query: Doc | undefined, data: Doc, opts: WriteOptions, view?: View): WritePlan {
  if (!data || typeof data !== 'object') throw new CloudBaseError('INVALID_PARAM', 'update data must be an object');
  const matched = matching(store, coll, query, view);
  const targets = opts.multi ? matched : matched.slice(0, 1);
  const changes: Change[] = [];
  const after: Doc[] = [];
  for (const doc of targets) {
    const next = applyData(doc, data, opts.merge);
    after.push(next ?? clone(doc));
    if (next) changes.push({ coll, id: String(doc._id), doc: next });
  }
  if (targets.length === 0 && opts.upsert) {
    const seed: Doc = {};
    for (const [k, v] of Object.entries(query ?? {})) if (!k.startsWith('$') && !(v && typeof v === 'object' && !(v instanceof Date))) seed[k] = v;
    if (seed._id === undefined) seed._id = newId();
    const created = applyData(seed, data, opts.merge) ?? seed;
    const id = String(created._id);
    changes.push({ coll, id, doc: created });
    return { changes, updated: 0, upsertId: id, after: [created] };
  }
  return { changes, updated: changes.length, after };
}

export function removePlan(store: Store, coll: string, query: Doc | undefined, multi: boolean, view?: View): Change[] {
  const matched = matching(store, coll, query, view);
  return (multi ? matched : matched.slice(0, 1)).map((d) => ({ coll, id: String(d._id), doc: null }));
}

/** Runs an aggregation pipeline; `$lookup` reads other collections of the same store. */
export function aggregate(store: Store, coll: string, stages: Doc[]): Doc[] {
  const first = stages[0];
  const input = first && '$match' in first ? matching(store, coll, first.$match as Doc) : matching(store, coll, undefined);
  const rest = first && '$match' in first ? stages.slice(1) : stages;
  return wrap('aggregation failed', () => {
    const agg = new Aggregator(rest as never, {
      ...mingoOptions,
      collectionResolver: (name: string) => store.all(name),
    });
    return (agg.run(input) as Doc[]).map((d) => clone(d));
  });
}
