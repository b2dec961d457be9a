import { _, db } from './cloud';
import type { DocTypes } from './model';
import type { CollectionName } from './schemas';
import { type RetryOptions, withTransactionRetry } from './transaction-retry';
import { validateDocument, validatePatch } from './validation';

type Doc<C extends CollectionName> = DocTypes[C];
type Query = Record<string, unknown>;
/** A patch: field paths to values or update commands (`_.inc(1)`); validated before it is sent. */
type Patch = Record<string, unknown>;

export interface FindOptions {
  orderBy?: Array<[string, 'asc' | 'desc']>;
  skip?: number;
  /** Server side the SDK returns 100 rows unless told; at most 1000. */
  limit?: number;
  fields?: Record<string, boolean>;
}

/**
 * Typed, validated access to the collections. Every write passes database/schema validation first;
 * conditional updates (`updateWhere` with the condition in the query) are the way to change
 * counters such as stock, because CloudBase applies each one atomically.
 */
export const repo = {
  async get<C extends CollectionName>(coll: C, id: string): Promise<Doc<C> | null> {
    const res = await db.collection(coll).where({ _id: id }).limit(1).get();
    return (res.data[0] as Doc<C>) ?? null;
  },

  async getMany<C extends CollectionName>(coll: C, ids: string[]): Promise<Map<string, Doc<C>>> {
    const out = new Map<string, Doc<C>>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      const res = await db.collection(coll).where({ _id: _.in(unique.slice(i, i + 100)) }).limit(100).get();
      for (const d of res.data as Array<Doc<C>>) out.set((d as { _id: string })._id, d);
    }
    return out;
  },

  async find<C extends CollectionName>(coll: C, query: Query, opts: FindOptions = {}): Promise<Array<Doc<C>>> {
    let q = db.collection(coll).where(query);
    for (const [field, dir] of opts.orderBy ?? []) q = q.orderBy(field, dir);
    if (opts.skip) q = q.skip(opts.skip);
    q = q.limit(opts.limit ?? 100);
    if (opts.fields) q = q.field(opts.fields);
    const res = await q.get();
    return res.data as Array<Doc<C>>;
  },

  async count<C extends CollectionName>(coll: C, query: Query): Promise<number> {
    const res = await db.collection(coll).where(query).count();
    return res.total as number;
  },

  async insert<C extends CollectionName>(coll: C, doc: Doc<C>): Promise<string> {
    validateDocument(coll, doc as unknown as Record<string, unknown>);
    const res = await db.collection(coll).add({ data: doc });
    return res._id as string;
  },

  /** Replaces (or creates) a whole document. */
  async set<C extends CollectionName>(coll: C, doc: Doc<C>): Promise<void> {
    validateDocument(coll, doc as unknown as Record<string, unknown>);
    const { _id, ...rest } = doc as unknown as { _id: string };
    await db.collection(coll).doc(_id).set({ data: rest });
  },

  /** Updates every document matching `query`; returns how many changed. */
  async updateWhere<C extends CollectionName>(coll: C, query: Query, patch: Patch): Promise<number> {
    validatePatch(coll, patch);
    const res = await db.collection(coll).where(query).update({ data: patch });
    return res.stats.updated as number;
  },

  /** Updates one document, optionally only while extra conditions hold (a compare-and-set). */
  async update<C extends CollectionName>(coll: C, id: string, patch: Patch, condition: Query = {}): Promise<boolean> {
    return (await repo.updateWhere(coll, { ...condition, _id: id }, patch)) === 1;
  },

  async remove<C extends CollectionName>(coll: C, query: Query): Promise<number> {
    const res = await db.collection(coll).where(query).remove();
    return res.stats.removed as number;
  },
};

/** The operations allowed inside a transaction: single documents only, as CloudBase requires. */
export interface Tx {
  get<C extends CollectionName>(coll: C, id: string): Promise<Doc<C> | null>;
  insert<C extends CollectionName>(coll: C, doc: Doc<C>): Promise<void>;
  update<C extends CollectionName>(coll: C, id: string, patch: Patch): Promise<void>;
  set<C extends CollectionName>(coll: C, doc: Doc<C>): Promise<void>;
}

/**
 * Runs `fn` in a database transaction (snapshot reads, all-or-nothing writes). A transaction that
 * loses a race (another transaction holds a document it writes, or wrote one first) is re-run from
 * the start with back-off, up to `TRANSACTION_ATTEMPTS` times, then fails with TRANSACTION_BUSY
 * (server/transaction-retry.ts); `fn` must therefore have no side effects besides its transaction
 * writes. `runTransaction`'s own retry is off (0) so that one loop with back-off handles both kinds.
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  return withTransactionRetry(
    () =>
      db.runTransaction(async (t: any) => {
        const tx: Tx = {
          async get(coll, id) {
            try {
              const res = await t.collection(coll).doc(id).get();
              return (res.data as never) ?? null;
            } catch (e) {
              if (/does not exist/.test(String((e as Error).message))) return null;
              throw e;
            }
          },
          async insert(coll, doc) {
            validateDocument(coll, doc as unknown as Record<string, unknown>);
            await t.collection(coll).add({ data: doc });
          },
          async update(coll, id, patch) {
            validatePatch(coll, patch);
            await t.collection(coll).doc(id).update({ data: patch });
          },
          async set(coll, doc) {
            validateDocument(coll, doc as unknown as Record<string, unknown>);
            const { _id, ...rest } = doc as unknown as { _id: string };
            await t.collection(coll).doc(_id).set({ data: rest });
          },
        };
        return fn(tx);
      }, 0) as Promise<T>,
    opts,
  );
}
