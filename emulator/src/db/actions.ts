import { CloudBaseError } from '../http/errors';
import type { ActionHandler, ActionRequest } from '../types';
import type { Clock } from '../clock';
import { type Doc, parseEjson, toEjson } from './ejson';
import { type View, aggregate, find, insertPlan, matching, removePlan, updatePlan } from './engine';
import type { Store } from './store';
import { type TransactionManager, lockKey } from './transactions';
import type { Change } from './store';

/** Server-side `get()` returns 100 documents unless told otherwise, and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** `aggregate().end()` returns 20 documents unless the pipeline has a `$limit`. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** The `database.*` actions of CloudBase's HTTP API. */
export function databaseActions(store: Store, txs: TransactionManager, clock: Clock): Record<string, ActionHandler> {
  const collName = (p: Record<string, unknown>): string => {
    const name = p.collectionName;
    if (typeof name !== 'string' || !name) throw new CloudBaseError('INVALID_PARAM', 'collectionName is required');
    return name;
  };
  const queryOf = (p: Record<string, unknown>): Doc | undefined => {
    const q = parseEjson(p.query, clock.now(), 'query');
    if (q !== undefined && (typeof q !== 'object' || q === null || Array.isArray(q))) throw new CloudBaseError('INVALID_PARAM', 'query must be an object');
    return q;
  };
  const txOf = (p: Record<string, unknown>) => (p.transactionId ? txs.get(p.transactionId) : undefined);
  const noBatchInTx = (p: Record<string, unknown>, view: View | undefined) => {
    if (view && (p.queryType === 'WHERE' || p.multi === true))
      throw new CloudBaseError('INVALID_PARAM', 'only single-document operations (doc(id)) are allowed inside a transaction');
  };
  /**
   * A plain (non-transactional) write: planned against the committed state and applied at once,
   * unless a document it would change is locked by an open transaction; then it waits for the lock
   * and is planned again (the transaction may have changed or removed the document).
   */
  async function plainWrite<T extends { changes: Change[] }>(plan: () => T): Promise<T> {
    for (;;) {
      const p = plan();
      const keys = p.changes.map(lockKey);
      if (txs.lockedKeys(keys).length === 0) {
        store.commit(p.changes);
        return p;
      }
      await txs.waitUnlocked(keys);
    }
  }
  const int = (v: unknown, name: string, fallback: number): number => {
    if (v === undefined || v === null || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new CloudBaseError('INVALID_PARAM', `${name} must be a non-negative integer`);
    return n;
  };

  const getDocument: ActionHandler = (req: ActionRequest) => {
    const p = req.params;
    const coll = collName(p);
    store.coll(coll);
    const view = txOf(p);
    noBatchInTx(p, view);
    const limit = Math.min(int(p.limit, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
    const offset = int(p.offset, 'offset', 0);
    const order = parseEjson(p.order, clock.now(), 'order');
    const projection = parseEjson(p.projection, clock.now(), 'projection');
    const docs = find(store, coll, queryOf(p), { order, offset, limit, projection }, view);
    return { data: { list: docs.map(toEjson), offset, limit } };
  };

  const calculateDocument: ActionHandler = (req) => {
    const coll = collName(req.params);
    return { data: { total: matching(store, coll, queryOf(req.params), txOf(req.params)).length } };
  };

  const insertDocument: ActionHandler = async (req) => {
    const p = req.params;
    const coll = collName(p);
    if (!Array.isArray(p.data) || p.data.length === 0) throw new CloudBaseError('INVALID_PARAM', 'data must be a non-empty array of documents');
    const docs = p.data.map((d: unknown) => parseEjson(d, clock.now(), 'data'));
    const tx = txOf(p);
    if (!tx) return { data: { insertedIds: (await plainWrite(() => insertPlan(store, coll, docs))).ids } };
    const { changes, ids } = insertPlan(store, coll, docs, tx);
    txs.write(tx, changes);
    return { data: { insertedIds: ids } };
  };

  const modify = async (req: ActionRequest, returnDoc: boolean) => {
    const p = req.params;
    const coll = collName(p);
    const tx = txOf(p);
    noBatchInTx(p, tx);
    const data = parseEjson(p.data, clock.now(), 'data');
    const multi = returnDoc ? false : p.multi === true;
    const query = queryOf(p);
    const opts = { multi, merge: p.merge !== false, upsert: p.upsert === true };
    if (!tx) return plainWrite(() => updatePlan(store, coll, query, data, opts));
    const plan = updatePlan(store, coll, query, data, opts, tx);
    txs.write(tx, plan.changes);
    return plan;
  };

  return {
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.insertDocument': insertDocument,
    'database.modifyDocument': async (req) => {
      const plan = await modify(req, false);
      return { data: { updated: plan.updated, upsert_id: plan.upsertId, matched: plan.after.length } };
    },
    'database.modifyAndReturnDoc': async (req) => {
      const plan = await modify(req, true);
      return { data: { updated: plan.updated, doc: plan.after[0] ? toEjson(plan.after[0]) : null } };
    },
    'database.removeDocument': async (req) => {
      const p = req.params;
      const coll = collName(p);
      const tx = txOf(p);
      noBatchInTx(p, tx);
      const query = queryOf(p);
      const multi = p.multi !== false && p.queryType !== 'DOC';
      if (!tx) return { data: { deleted: (await plainWrite(() => ({ changes: removePlan(store, coll, query, multi) }))).changes.length } };
      const changes = removePlan(store, coll, query, multi, tx);
      txs.write(tx, changes);
      return { data: { deleted: changes.length } };
    },
    'database.aggregateDocuments': (req) => {
      const p = req.params;
      const coll = collName(p);
      store.coll(coll);
      if (!Array.isArray(p.stages)) throw new CloudBaseError('INVALID_PARAM', 'stages must be an array');
      const stages: Doc[] = p.stages.map((s: { stageKey?: unknown; stageValue?: unknown }) => {
        if (typeof s?.stageKey !== 'string' || !s.stageKey.startsWith('$')) throw new CloudBaseError('INVALID_PARAM', 'each stage needs a stageKey like $match');
        return { [s.stageKey]: parseEjson(s.stageValue, clock.now(), `${s.stageKey} stage`) };
      });
      if (!stages.some((s) => '$limit' in s)) stages.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
      return { data: { list: aggregate(store, coll, stages).map(toEjson) } };
    },
    'database.addCollection': (req) => {
      const coll = collName(req.params);
      if (!store.createCollection(coll, clock.now()))
        throw new CloudBaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${coll} already exists`);
      return { data: {} };
    },
    'database.startTransaction': () => ({ transactionId: txs.start().id }),
    'database.commitTransaction': (req) => {
      txs.commit(txs.get(req.params.transactionId));
      return {};
    },
    'database.abortTransaction': (req) => {
      txs.abort(txs.get(req.params.transactionId));
      return {};
    },
  };
}
