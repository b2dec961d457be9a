import type BetterSqlite3 from 'better-sqlite3';
import { CloudBaseError, collectionNotExist } from '../http/errors';
import { type Doc, clone, parseEjson, toEjson } from './ejson';
import { type IndexSpec, MemIndex, chooseIndex, equalityConstraints } from './indexes';

interface Stored {
  doc: Doc;
  /** Commit sequence number of the write that produced this version. */
  ver: number;
}

/** A version that was replaced; valid for snapshots in [ver, replacedAt). `doc: null` = absent. */
interface PastVersion {
  doc: Doc | null;
  ver: number;
  replacedAt: number;
}

/** One document change inside an atomic commit; `doc: null` removes it. */
export interface Change {
  coll: string;
  id: string;
  doc: Doc | null;
}

export class CollectionState {
  readonly docs = new Map<string, Stored>();
  readonly indexes = new Map<string, MemIndex>();
  constructor(readonly name: string) {}
}

export interface QueryPlan {
  kind: 'id' | 'index' | 'scan';
  index?: string;
  examined: number;
}

/** How one collection's queries were answered since the last reset (for index coverage checks). */
export interface PlanStats {
  id: number;
  index: number;
  scan: number;
  /** Shapes of the queries answered by a full scan (field names and operators), with counts. */
  scans: Record<string, number>;
}

const MAX_SCAN_SHAPES = 50;

/** The shape of a query: its top-level fields and the operators used on them, values left out. */
export function queryShape(query: Doc | undefined): string {
  const parts = Object.keys(query ?? {})
    .sort()
    .map((k) => {
      const v = (query as Doc)[k];
      const ops = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) ? Object.keys(v).filter((o) => o.startsWith('$')) : [];
      return ops.length ? `${k}:${ops.sort().join('|')}` : k;
    });
  return `{${parts.join(', ')}}`;
}

/**
 * The emulator's document store: every collection held in memory for matching speed, every
 * acknowledged write first committed to SQLite (WAL), so it survives `kill -9`.
 * Keeps past versions while transactions are open, for snapshot reads (MVCC).
 */
export class Store {
  private readonly collections = new Map<string, CollectionState>();
  private readonly history = new Map<string, PastVersion[]>();
  /** Snapshot sequence numbers of the open transactions (a multiset). */
  private readonly openSnapshots = new Map<number, number>();
  private seqNo = 0;
  private readonly stmts;
  lastPlan: QueryPlan = { kind: 'scan', examined: 0 };
  readonly planStats = new Map<string, PlanStats>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    sqlite.exec(`
      CREATE TABLE IF NOT EXISTS db_collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS db_docs (coll TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS db_indexes (coll TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (coll, name));
    `);
    this.stmts = {
      addColl: sqlite.prepare('INSERT INTO db_collections (name, created_at) VALUES (?, ?)'),
      dropColl: sqlite.prepare('DELETE FROM db_collections WHERE name = ?'),
      dropDocs: sqlite.prepare('DELETE FROM db_docs WHERE coll = ?'),
      dropIdx: sqlite.prepare('DELETE FROM db_indexes WHERE coll = ?'),
      upsertDoc: sqlite.prepare('INSERT INTO db_docs (coll, id, data) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET data = excluded.data'),
      deleteDoc: sqlite.prepare('DELETE FROM db_docs WHERE coll = ? AND id = ?'),
      putIdx: sqlite.prepare('INSERT INTO db_indexes (coll, name, spec) VALUES (?, ?, ?) ON CONFLICT (coll, name) DO UPDATE SET spec = excluded.spec'),
      delIdx: sqlite.prepare('DELETE FROM db_indexes WHERE coll = ? AND name = ?'),
    };
    this.load();
  }

  private load(): void {
    for (const row of this.sqlite.prepare('SELECT name FROM db_collections').all() as Array<{ name: string }>)
      this.collections.set(row.name, new CollectionState(row.name));
    for (const row of this.sqlite.prepare('SELECT coll, id, data FROM db_docs').iterate() as Iterable<{ coll: string; id: string; data: string }>) {
      const c = this.collections.get(row.coll);
      if (c) c.docs.set(row.id, { doc: parseEjson(row.data, 0, 'stored document'), ver: 0 });
    }
    for (const row of this.sqlite.prepare('SELECT coll, spec FROM db_indexes').all() as Array<{ coll: string; spec: string }>) {
      const c = this.collections.get(row.coll);
      if (!c) continue;
      const index = new MemIndex(JSON.parse(row.spec) as IndexSpec);
      for (const [id, s] of c.docs) index.add(id, s.doc);
      c.indexes.set(index.spec.name, index);
    }
  }

  /** Sequence number of the last commit: a transaction started now sees everything up to it. */
  get seq(): number {
    return this.seqNo;
  }

  // ---- collections and indexes ----

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Creates a collection; returns false when it already existed. */
  createCollection(name: string, now: number): boolean {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new CloudBaseError('INVALID_PARAM', `invalid collection name: ${name}`);
    if (this.collections.has(name)) return false;
    this.stmts.addColl.run(name, now);
    this.collections.set(name, new CollectionState(name));
    return true;
  }

  dropCollection(name: string): void {
    this.sqlite.transaction(() => {
      this.stmts.dropColl.run(name);
      this.stmts.dropDocs.run(name);
      this.stmts.dropIdx.run(name);
    })();
    this.collections.delete(name);
  }

  coll(name: string): CollectionState {
    const c = this.collections.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  /** Creates or replaces an index; a unique index over duplicate data is refused. */
  ensureIndex(collName: string, spec: IndexSpec): void {
    const c = this.coll(collName);
    const existing = c.indexes.get(spec.name);
    if (existing && JSON.stringify(existing.spec) === JSON.stringify(spec)) return;
    const index = new MemIndex(spec);
    for (const [id, s] of c.docs) {
      if (spec.unique && index.conflicts(id, s.doc).length)
        throw new CloudBaseError('DATABASE_DUPLICATE_WRITE', `cannot create unique index ${spec.name} on ${collName}: duplicate key in existing documents`);
      index.add(id, s.doc);
    }
    this.stmts.putIdx.run(collName, spec.name, JSON.stringify(spec));
    c.indexes.set(spec.name, index);
  }

  dropIndex(collName: string, name: string): void {
    const c = this.coll(collName);
    this.stmts.delIdx.run(collName, name);
    c.indexes.delete(name);
  }

  indexSpecs(collName: string): IndexSpec[] {
    return [...this.coll(collName).indexes.values()].map((i) => i.spec);
  }

  // ---- reads ----

  /** The document as of `snapshot` (default: latest), or undefined. Returns the stored object: do not mutate. */
  get(collName: string, id: string, snapshot?: number): Doc | undefined {
    const c = this.coll(collName);
    const cur = c.docs.get(id);
    if (snapshot === undefined || (cur && cur.ver <= snapshot)) return cur?.doc;
    const past = this.history.get(`${collName}\u0000${id}`);
    if (past) for (const v of past) if (v.ver <= snapshot && snapshot < v.replacedAt) return v.doc ?? undefined;
    return undefined;
  }

  /** Current version number of a document (0 when absent or loaded at start). */
  version(collName: string, id: string): number {
    return this.coll(collName).docs.get(id)?.ver ?? 0;
  }

  /**
   * Documents that may match `query`, as of `snapshot`: by `_id`, through an index, or a full scan.
   * The caller applies the full query to each.
   */
  candidates(collName: string, query: Doc | undefined, snapshot?: number): Doc[] {
    const c = this.coll(collName);
    const constraints = equalityConstraints(query);
    let ids: Iterable<string> | undefined;
    let plan: QueryPlan;
    const idValues = constraints.get('_id');
    const chosen = idValues ? undefined : chooseIndex(c.indexes.values(), constraints);
    if (idValues) {
      ids = idValues.filter((v): v is string => typeof v === 'string');
      plan = { kind: 'id', examined: 0 };
    } else if (chosen && snapshot === undefined) {
      ids = chosen.index.lookup(chosen.values);
      plan = { kind: 'index', index: chosen.index.spec.name, examined: 0 };
    } else {
      plan = { kind: 'scan', examined: 0 };
    }
    const out: Doc[] = [];
    if (ids) {
      for (const id of ids) {
        const d = this.get(collName, id, snapshot);
        if (d) out.push(d);
      }
    } else if (snapshot === undefined) {
      for (const s of c.docs.values()) out.push(s.doc);
    } else {
      const seen = new Set<string>();
      for (const id of c.docs.keys()) {
        seen.add(id);
        const d = this.get(collName, id, snapshot);
        if (d) out.push(d);
      }
      const prefix = `${collName}\u0000`;
      for (const key of this.history.keys()) {
        if (!key.startsWith(prefix)) continue;
        const id = key.slice(prefix.length);
        if (seen.has(id)) continue;
        const d = this.get(collName, id, snapshot);
        if (d) out.push(d);
      }
    }
    plan.examined = out.length;
    this.lastPlan = plan;
    this.recordPlan(collName, plan, query);
    return out;
  }

  private recordPlan(collName: string, plan: QueryPlan, query: Doc | undefined): void {
    let stats = this.planStats.get(collName);
    if (!stats) this.planStats.set(collName, (stats = { id: 0, index: 0, scan: 0, scans: {} }));
    stats[plan.kind]++;
    if (plan.kind !== 'scan') return;
    const shape = queryShape(query);
    if (shape in stats.scans || Object.keys(stats.scans).length < MAX_SCAN_SHAPES) stats.scans[shape] = (stats.scans[shape] ?? 0) + 1;
  }

  /** Every document of a collection, without recording a plan (aggregation `$lookup` sources). */
  all(collName: string): Doc[] {
    return [...this.coll(collName).docs.values()].map((s) => s.doc);
  }

  // ---- writes ----

  /**
   * Applies changes atomically: unique constraints checked first, then one SQLite transaction, then memory.
   * Nothing is applied when any check fails. Returns the commit's sequence number.
   */
  commit(changes: Change[]): number {
    if (changes.length === 0) return this.seqNo;
    const byKey = new Map<string, Change>();
    for (const ch of changes) {
      this.coll(ch.coll);
      byKey.set(`${ch.coll}\u0000${ch.id}`, ch);
    }
    this.checkUnique([...byKey.values()]);
    const serialised = [...byKey.values()].map((ch) => ({ ch, text: ch.doc ? toEjson(ch.doc) : null }));
    this.sqlite.transaction(() => {
      for (const { ch, text } of serialised) {
        if (text === null) this.stmts.deleteDoc.run(ch.coll, ch.id);
        else this.stmts.upsertDoc.run(ch.coll, ch.id, text);
      }
    })();
    const seq = ++this.seqNo;
    const keepHistory = this.openSnapshots.size > 0;
    for (const { ch } of serialised) {
      const c = this.coll(ch.coll);
      const prev = c.docs.get(ch.id);
      if (keepHistory) {
        const key = `${ch.coll}\u0000${ch.id}`;
        let past = this.history.get(key);
        if (!past) this.history.set(key, (past = []));
        past.push({ doc: prev?.doc ?? null, ver: prev?.ver ?? 0, replacedAt: seq });
      }
      for (const index of c.indexes.values()) {
        if (prev) index.remove(ch.id, prev.doc);
        if (ch.doc) index.add(ch.id, ch.doc);
      }
      if (ch.doc) c.docs.set(ch.id, { doc: clone(ch.doc), ver: seq });
      else c.docs.delete(ch.id);
    }
    return seq;
  }

  private checkUnique(changes: Change[]): void {
    const pendingIds = new Set(changes.map((ch) => `${ch.coll}\u0000${ch.id}`));
    const seenKeys = new Map<string, string>();
    for (const ch of changes) {
      if (!ch.doc) continue;
      const c = this.coll(ch.coll);
      for (const index of c.indexes.values()) {
        if (!index.spec.unique) continue;
        for (const other of index.conflicts(ch.id, ch.doc)) {
          // a conflicting document that this same commit removes or rewrites is re-checked below
          if (!pendingIds.has(`${ch.coll}\u0000${other}`)) throw duplicate(ch.coll, index.spec.name);
        }
        for (const tuple of index.tuples(ch.doc)) {
          const k = `${ch.coll}\u0000${index.spec.name}\u0000${tuple.join('\u0001')}`;
          const owner = seenKeys.get(k);
          if (owner !== undefined && owner !== ch.id) throw duplicate(ch.coll, index.spec.name);
          seenKeys.set(k, ch.id);
        }
      }
    }
  }

  // ---- snapshots (for transactions) ----

  openSnapshot(): number {
    const s = this.seqNo;
    this.openSnapshots.set(s, (this.openSnapshots.get(s) ?? 0) + 1);
    return s;
  }

  closeSnapshot(s: number): void {
    const n = (this.openSnapshots.get(s) ?? 0) - 1;
    if (n > 0) this.openSnapshots.set(s, n);
    else this.openSnapshots.delete(s);
    this.pruneHistory();
  }

  private pruneHistory(): void {
    if (this.openSnapshots.size === 0) {
      this.history.clear();
      return;
    }
    const oldest = Math.min(...this.openSnapshots.keys());
    for (const [key, past] of this.history) {
      const kept = past.filter((v) => v.replacedAt > oldest);
      if (kept.length) this.history.set(key, kept);
      else this.history.delete(key);
    }
  }

  close(): void {
    this.sqlite.close();
  }
}

function duplicate(coll: string, index: string): CloudBaseError {
  return new CloudBaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: ${index}`);
}

/** The implicit unique index every collection has on `_id`, named as MongoDB names it. */
export const ID_INDEX = '_id_';
