import { type RunningEmulator, callAdmin, realSdk, startEmulator, type WxServerSdk } from './support/harness';

let emu: RunningEmulator;
let cloud: WxServerSdk;
// The SDK's typings return unions with its callback-style overloads; tests read results loosely.
let db: any;
let _: any;

beforeAll(async () => {
  emu = await startEmulator({ timers: false, workers: 1 });
  cloud = realSdk(emu.adminUrl);
  db = cloud.database();
  _ = db.command;
  for (const name of ['goods', 'shops', 'orders', 'paging', 'tx', 'dates', 'uniq', 'race', 'ops'])
    await db.createCollection(name);
  await db.collection('goods').add({
    data: [
      { _id: 'g1', name: 'Apple', price: 300, stock: 10, tags: ['fruit', 'red'], shopId: 's1', spec: { color: 'red', weight: 200 }, onShelf: true },
      { _id: 'g2', name: 'Banana', price: 150, stock: 0, tags: ['fruit', 'yellow'], shopId: 's1', spec: { color: 'yellow', weight: 120 }, onShelf: true },
      { _id: 'g3', name: 'Carrot', price: 80, stock: 100, tags: ['vegetable'], shopId: 's2', spec: { color: 'orange', weight: 90 }, onShelf: false },
      { _id: 'g4', name: 'apple juice', price: 1200, stock: 5, tags: ['drink'], shopId: 's2', onShelf: true },
    ],
  });
  await db.collection('shops').add({ data: [{ _id: 's1', name: 'Fruit Shop' }, { _id: 's2', name: 'Veg Shop' }] });
});
afterAll(async () => {
  await emu.stop();
});

const ids = (r: { data: Array<{ _id?: unknown }> }) => r.data.map((d) => d._id).sort();

describe('query operators', () => {
  test.each([
    ['eq', () => ({ price: _.eq(300) }), ['g1']],
    ['neq', () => ({ shopId: _.neq('s1') }), ['g3', 'g4']],
    ['gt/lt', () => ({ price: _.gt(100).and(_.lt(1000)) }), ['g1', 'g2']],
    ['gte/lte', () => ({ price: _.gte(150).and(_.lte(300)) }), ['g1', 'g2']],
    ['in', () => ({ _id: _.in(['g1', 'g3', 'nope']) }), ['g1', 'g3']],
    ['nin', () => ({ shopId: _.nin(['s1']) }), ['g3', 'g4']],
    ['or', () => _.or([{ price: _.lt(100) }, { stock: 0 }]), ['g2', 'g3']],
    ['exists', () => ({ spec: _.exists(false) }), ['g4']],
    ['array contains', () => ({ tags: 'fruit' }), ['g1', 'g2']],
    ['all', () => ({ tags: _.all(['fruit', 'red']) }), ['g1']],
    ['size', () => ({ tags: _.size(1) }), ['g3', 'g4']],
    ['elemMatch', () => ({ tags: _.elemMatch(_.eq('drink')) }), ['g4']],
    ['dotted path', () => ({ 'spec.color': 'yellow' }), ['g2']],
    ['nested object path', () => ({ spec: { weight: _.gt(100) } }), ['g1', 'g2']],
    ['boolean', () => ({ onShelf: false }), ['g3']],
  ])('%s', async (_name, where, expected) => {
    expect(ids(await db.collection('goods').where(where() as never).get())).toEqual(expected);
  });

  test('regular expressions, case-insensitive', async () => {
    const r = await db.collection('goods').where({ name: db.RegExp({ regexp: '^apple', options: 'i' }) }).get();
    expect(ids(r)).toEqual(['g1', 'g4']);
  });

  test('orderBy, skip, limit, field projection', async () => {
    const r = await db.collection('goods').where({ onShelf: true }).orderBy('price', 'desc').skip(1).limit(2).field({ name: true, price: true }).get();
    expect(r.data).toEqual([
      { _id: 'g1', name: 'Apple', price: 300 },
      { _id: 'g2', name: 'Banana', price: 150 },
    ]);
  });

  test('count', async () => {
    expect((await db.collection('goods').where({ shopId: 's1' }).count()).total).toBe(2);
    expect((await db.collection('goods').count()).total).toBe(4);
  });

  test('doc().get() of a missing document fails as CloudBase does', async () => {
    await expect(db.collection('goods').doc('missing').get()).rejects.toThrow(/does not exist/);
  });
});

describe('update operators', () => {
  beforeEach(async () => {
    await db.collection('ops').where({ _id: _.exists(true) }).remove();
    await db.collection('ops').add({ data: { _id: 'o', n: 10, m: 3, arr: [1, 2, 3], set: ['a'], nested: { a: 1 }, gone: true, old: 'x' } });
  });
  const doc = async () => (await db.collection('ops').doc('o').get()).data as Record<string, any>;

  test('inc, mul, set with dotted paths, remove, rename-free set of nested objects', async () => {
    const r = await db.collection('ops').doc('o').update({ data: { n: _.inc(5), m: _.mul(4), 'nested.b': 2, gone: _.remove(), fresh: { x: 1 } } });
    expect(r.stats.updated).toBe(1);
    expect(await doc()).toMatchObject({ n: 15, m: 12, nested: { a: 1, b: 2 }, fresh: { x: 1 } });
    expect(await doc()).not.toHaveProperty('gone');
  });

  test('push, pop, shift, unshift, addToSet, pull, pullAll', async () => {
    await db.collection('ops').doc('o').update({ data: { arr: _.push([4, 5]) } });
    expect((await doc()).arr).toEqual([1, 2, 3, 4, 5]);
    await db.collection('ops').doc('o').update({ data: { arr: _.pop() } });
    await db.collection('ops').doc('o').update({ data: { arr: _.shift() } });
    expect((await doc()).arr).toEqual([2, 3, 4]);
    await db.collection('ops').doc('o').update({ data: { arr: _.unshift([0]) } });
    expect((await doc()).arr).toEqual([0, 2, 3, 4]);
    await db.collection('ops').doc('o').update({ data: { set: _.addToSet('a') } });
    await db.collection('ops').doc('o').update({ data: { set: _.addToSet('b') } });
    expect((await doc()).set).toEqual(['a', 'b']);
    await db.collection('ops').doc('o').update({ data: { arr: _.pull(_.gt(2)) } });
    expect((await doc()).arr).toEqual([0, 2]);
    await db.collection('ops').doc('o').update({ data: { set: _.pullAll(['a']) } });
    expect((await doc()).set).toEqual(['b']);
  });

  test('min and max', async () => {
    await db.collection('ops').doc('o').update({ data: { n: _.min(4), m: _.max(9) } });
    expect(await doc()).toMatchObject({ n: 4, m: 9 });
  });

  test('set() replaces the whole document and upserts', async () => {
    await db.collection('ops').doc('o').set({ data: { only: 1 } });
    expect(await doc()).toEqual({ _id: 'o', only: 1 });
    const r = await db.collection('ops').doc('new-one').set({ data: { created: true } });
    expect(r.stats.updated).toBe(0);
    expect((await db.collection('ops').doc('new-one').get()).data).toEqual({ _id: 'new-one', created: true });
  });

  test('where().update() updates every match and reports the count; where().remove()', async () => {
    await db.collection('ops').add({ data: [{ k: 1 }, { k: 1 }, { k: 2 }] });
    const u = await db.collection('ops').where({ k: 1 }).update({ data: { touched: true } });
    expect(u.stats.updated).toBe(2);
    const r = await db.collection('ops').where({ k: _.exists(true) }).remove();
    expect(r.stats.removed).toBe(3);
  });

  test('an update that changes nothing reports 0 updated', async () => {
    const r = await db.collection('ops').doc('o').update({ data: { n: 10 } });
    expect(r.stats.updated).toBe(0);
  });

  test('_id cannot be changed and nothing is written', async () => {
    await expect(db.collection('ops').where({ _id: 'o' }).update({ data: { _id: 'other', n: 99 } })).rejects.toThrow();
    expect((await doc()).n).toBe(10);
  });
});

describe('aggregation', () => {
  test('$match, $lookup, $group, $sort', async () => {
    const $ = db.command.aggregate;
    const r = await db
      .collection('goods')
      .aggregate()
      .match({ onShelf: true })
      .lookup({ from: 'shops', localField: 'shopId', foreignField: '_id', as: 'shop' })
      .group({ _id: '$shopId', count: $.sum(1), value: $.sum($.multiply(['$price', '$stock'])), shop: $.first('$shop') })
      .sort({ _id: 1 })
      .end();
    expect(r.list).toEqual([
      { _id: 's1', count: 2, value: 3000, shop: [{ _id: 's1', name: 'Fruit Shop' }] },
      { _id: 's2', count: 1, value: 6000, shop: [{ _id: 's2', name: 'Veg Shop' }] },
    ]);
  });

  test('returns 20 documents unless the pipeline sets a limit', async () => {
    await db.collection('paging').add({ data: Array.from({ length: 250 }, (_x, i) => ({ i })) });
    expect((await db.collection('paging').aggregate().sort({ i: 1 }).end()).list).toHaveLength(20);
    expect((await db.collection('paging').aggregate().sort({ i: 1 }).limit(200).end()).list).toHaveLength(200);
  });
});

describe('paging', () => {
  test('server get() returns 100 documents by default, up to 1000 with limit, and pages with skip', async () => {
    expect((await db.collection('paging').count()).total).toBe(250);
    expect((await db.collection('paging').get()).data).toHaveLength(100);
    expect((await db.collection('paging').limit(1000).get()).data).toHaveLength(250);
    const page3 = await db.collection('paging').orderBy('i', 'asc').skip(200).limit(100).get();
    expect(page3.data.map((d: any) => d.i)).toEqual(Array.from({ length: 50 }, (_x, i) => 200 + i));
  });
});

describe('dates', () => {
  test('serverDate is set by the server and Date values round-trip exactly', async () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const before = Date.now();
    const { _id } = await db.collection('dates').add({ data: { at: db.serverDate(), when, later: db.serverDate({ offset: 60_000 }) } });
    const d = (await db.collection('dates').doc(_id as string).get()).data as any;
    expect(d.when).toBeInstanceOf(Date);
    expect(d.when.getTime()).toBe(when.getTime());
    expect(d.at).toBeInstanceOf(Date);
    expect(d.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(d.later.getTime() - d.at.getTime()).toBe(60_000);
    const found = await db.collection('dates').where({ when: _.gte(new Date('2026-01-01')).and(_.lt(new Date('2026-01-03'))) }).count();
    expect(found.total).toBe(1);
  });

  test('numbers keep integer and fractional values', async () => {
    const { _id } = await db.collection('dates').add({ data: { i: 7, f: 7.25, big: 2 ** 40, neg: -3 } });
    expect((await db.collection('dates').doc(_id as string).get()).data).toMatchObject({ i: 7, f: 7.25, big: 2 ** 40, neg: -3 });
  });
});

describe('transactions', () => {
  beforeEach(async () => {
    await db.collection('tx').where({ _id: _.exists(true) }).remove();
    await db.collection('tx').add({ data: [{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }] });
  });
  const balance = async (id: string) => ((await db.collection('tx').doc(id).get()).data as any).balance;

  test('commit applies every write at once', async () => {
    const result = await db.runTransaction(async (t: any) => {
      const a = await t.collection('tx').doc('a').get();
      await t.collection('tx').doc('a').update({ data: { balance: _.inc(-30) } });
      await t.collection('tx').doc('b').update({ data: { balance: _.inc(30) } });
      // reads inside the transaction see its own writes
      const again = await t.collection('tx').doc('a').get();
      return { before: a.data.balance, inside: again.data.balance };
    });
    expect(result).toEqual({ before: 100, inside: 70 });
    expect(await balance('a')).toBe(70);
    expect(await balance('b')).toBe(30);
  });

  test('rollback leaves no trace, an aborted insert included', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('tx').doc('a').update({ data: { balance: _.inc(-50) } });
        await t.collection('tx').add({ data: { _id: 'ghost', balance: 1 } });
        await t.rollback('insufficient funds');
      }),
    ).rejects.toBe('insufficient funds');
    expect(await balance('a')).toBe(100);
    expect((await db.collection('tx').where({ _id: 'ghost' }).count()).total).toBe(0);
  });

  test('uncommitted writes are invisible outside, and reads are a snapshot', async () => {
    const t = await db.startTransaction();
    await t.collection('tx').doc('a').update({ data: { balance: 1 } });
    expect(await balance('a')).toBe(100);
    await db.collection('tx').doc('b').update({ data: { balance: 55 } });
    const seen = await t.collection('tx').doc('b').get();
    expect((seen.data as any).balance).toBe(0);
    await t.rollback();
    expect(await balance('a')).toBe(100);
  });

  test('a document written in an open transaction is locked: another transaction writing it fails at once', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('tx').doc('a').update({ data: { balance: _.inc(-10) } });
    const started = Date.now();
    // the pinned SDK loses the code of a failed write: a generic -501001 with CloudBase's message
    await expect(t2.collection('tx').doc('a').update({ data: { balance: _.inc(-20) } })).rejects.toMatchObject({
      errCode: -501001,
      errMsg: expect.stringMatching(/WriteConflict: tx\/a is locked by another transaction/),
    });
    expect(Date.now() - started).toBeLessThan(1000);
    // other documents are free
    await t2.collection('tx').doc('b').update({ data: { balance: _.inc(5) } });
    await t1.commit();
    await t2.commit();
    expect(await balance('a')).toBe(90);
    expect(await balance('b')).toBe(5);
    // the lock went with the commit
    await db.runTransaction(async (t: any) => t.collection('tx').doc('a').update({ data: { balance: _.inc(1) } }));
    expect(await balance('a')).toBe(91);
  });

  test('runTransaction does not retry a write refused by a lock: the caller sees it once', async () => {
    const holder = await db.startTransaction();
    await holder.collection('tx').doc('a').update({ data: { balance: 1 } });
    let attempts = 0;
    await expect(
      db.runTransaction(async (t: any) => {
        attempts++;
        await t.collection('tx').doc('a').update({ data: { balance: 2 } });
      }, 5),
    ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('WriteConflict') });
    expect(attempts).toBe(1);
    await holder.rollback();
    expect(await balance('a')).toBe(100);
    // runTransaction rolled its own attempt back, so nothing stays locked
    await db.runTransaction(async (t: any) => t.collection('tx').doc('a').update({ data: { balance: 3 } }));
    expect(await balance('a')).toBe(3);
  });

  test('a plain update of a locked document waits for the commit, then applies to the committed value', async () => {
    const t1 = await db.startTransaction();
    await t1.collection('tx').doc('a').update({ data: { balance: _.inc(-10) } });
    let done = false;
    const plain = db.collection('tx').where({ _id: 'a', balance: _.gte(95) }).update({ data: { balance: _.inc(1) } }).then((r: any) => {
      done = true;
      return r;
    });
    const inc = db.collection('tx').doc('a').update({ data: { balance: _.inc(1) } });
    await new Promise((r) => setTimeout(r, 400));
    expect(done).toBe(false);
    // reads do not wait
    expect(await balance('a')).toBe(100);
    await t1.commit();
    // planned again after the commit: 90 no longer matches balance >= 95
    expect((await plain).stats.updated).toBe(0);
    expect((await inc).stats.updated).toBe(1);
    expect(await balance('a')).toBe(91);
  });

  test('a plain update of a locked document proceeds when the transaction aborts', async () => {
    const t1 = await db.startTransaction();
    await t1.collection('tx').doc('a').update({ data: { balance: 0 } });
    const plain = db.collection('tx').doc('a').update({ data: { balance: _.inc(1) } });
    await new Promise((r) => setTimeout(r, 200));
    await t1.rollback();
    expect((await plain).stats.updated).toBe(1);
    expect(await balance('a')).toBe(101);
  });

  test('a plain update that waits too long for a lock times out and changes nothing', async () => {
    const t1 = await db.startTransaction();
    await t1.collection('tx').doc('a').update({ data: { balance: _.inc(-1) } });
    const started = Date.now();
    await expect(db.collection('tx').doc('a').update({ data: { balance: 0 } })).rejects.toMatchObject({ errCode: -501002, errMsg: expect.stringMatching(/waiting for the transaction lock on tx\/a/) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await t1.commit();
    expect(await balance('a')).toBe(99);
  }, 15_000);

  test('a write committed after the snapshot makes the commit conflict', async () => {
    const t1 = await db.startTransaction();
    await t1.collection('tx').doc('a').get();
    await db.collection('tx').doc('a').update({ data: { balance: _.inc(1) } });
    await expect(t1.collection('tx').doc('a').update({ data: { balance: 0 } }).then(() => t1.commit())).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    expect(await balance('a')).toBe(101);
  });

  test('10 concurrent transfers: each lands exactly once or fails whole, never half', async () => {
    // runTransaction retries commit conflicts; a write refused by another's lock fails the attempt
    const transfers = Array.from({ length: 10 }, () =>
      db.runTransaction(async (t: any) => {
        const a = (await t.collection('tx').doc('a').get()).data;
        if (a.balance < 5) throw new Error('insufficient');
        await t.collection('tx').doc('a').update({ data: { balance: a.balance - 5 } });
        const b = (await t.collection('tx').doc('b').get()).data;
        await t.collection('tx').doc('b').update({ data: { balance: b.balance + 5 } });
      }, 20),
    );
    const results = await Promise.allSettled(transfers);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBeGreaterThan(0);
    expect((await balance('a')) + (await balance('b'))).toBe(100);
    expect(await balance('b')).toBe(ok * 5);
  });

  test('pitfall: where().update() on a transaction collection runs outside the transaction', async () => {
    // The pinned SDK sends no transactionId for batch writes, so CloudBase applies them at once and
    // a rollback cannot undo them. Only doc(id) operations belong inside a transaction.
    const t = await db.startTransaction();
    await t.collection('tx').where({ _id: 'a' }).update({ data: { balance: 0 } });
    await t.rollback();
    expect(await balance('a')).toBe(0);
  });

  test('a batch write that does carry a transaction id is refused', async () => {
    const { transactionId } = await callAdmin(emu.adminUrl, { action: 'database.startTransaction' });
    expect(transactionId).toEqual(expect.any(String));
    const raw = await callAdmin(emu.adminUrl, {
      action: 'database.modifyDocument', collectionName: 'tx', queryType: 'WHERE', multi: true,
      query: '{}', data: '{"$set":{"balance":{"$numberInt":"0"}}}', transactionId,
    });
    expect(raw.code).toBe('INVALID_PARAM');
    expect(await callAdmin(emu.adminUrl, { action: 'database.abortTransaction', transactionId })).not.toHaveProperty('code');
    expect(await balance('a')).toBe(100);
  });
});

describe('concurrency', () => {
  test('200 racing conditional decrements on stock 50 give exactly 50 successes', async () => {
    await db.collection('race').add({ data: { _id: 'sku', stock: 50 } });
    const results = await Promise.all(
      Array.from({ length: 200 }, () => db.collection('race').where({ _id: 'sku', stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } })),
    );
    expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(50);
    expect(results.filter((r) => r.stats.updated === 0)).toHaveLength(150);
    expect(((await db.collection('race').doc('sku').get()).data as any).stock).toBe(0);
  });
});

describe('ids and unique indexes', () => {
  test('a duplicate _id is rejected and the original kept', async () => {
    await db.collection('uniq').add({ data: { _id: 'same', v: 1 } });
    await expect(db.collection('uniq').add({ data: { _id: 'same', v: 2 } })).rejects.toThrow(/duplicate/i);
    expect(((await db.collection('uniq').doc('same').get()).data as any).v).toBe(1);
  });

  test('generated ids are 32 hex characters', async () => {
    const { _id } = await db.collection('uniq').add({ data: { v: 3 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
  });

  test('a unique index is enforced on add and update, and queries use it', async () => {
    await emu.control('/_emulator/db/indexes', { collection: 'uniq', indexes: [{ name: 'code_unique', keys: [{ field: 'code', direction: 1 }], unique: true, sparse: true }] });
    await db.collection('uniq').add({ data: { code: 'A1' } });
    await expect(db.collection('uniq').add({ data: { code: 'A1' } })).rejects.toThrow(/DATABASE_DUPLICATE_WRITE|duplicate/i);
    const { _id } = await db.collection('uniq').add({ data: { code: 'B2' } });
    await expect(db.collection('uniq').doc(_id as string).update({ data: { code: 'A1' } })).rejects.toThrow(/duplicate/i);
    expect((await db.collection('uniq').where({ code: 'A1' }).count()).total).toBe(1);
    const explain = await emu.control('/_emulator/db/explain', { collection: 'uniq', query: { code: 'B2' } });
    expect(explain.plan).toMatchObject({ kind: 'index', index: 'code_unique', examined: 1 });
    expect(explain.returned).toBe(1);
  });
});

describe('wrong input gets a CloudBase error and changes nothing', () => {
  const count = async () => (await db.collection('goods').count()).total;

  test('missing collection', async () => {
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
    await expect(db.collection('nope').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
    const raw = await callAdmin(emu.adminUrl, { action: 'database.insertDocument', collectionName: 'nope', data: ['{}'] });
    expect(raw.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await db.collection('nope').count().catch((e: any) => e.errCode)).toBe(-502005);
  });

  test('malformed EJSON', async () => {
    const before = await count();
    const raw = await callAdmin(emu.adminUrl, { action: 'database.insertDocument', collectionName: 'goods', data: ['{"a": {"$numberInt": "nope"'] });
    expect(raw).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('malformed EJSON') });
    const badQuery = await callAdmin(emu.adminUrl, { action: 'database.modifyDocument', collectionName: 'goods', queryType: 'WHERE', multi: true, query: '{{', data: '{"$set":{"x":1}}' });
    expect(badQuery.code).toBe('INVALID_PARAM');
    expect(await count()).toBe(before);
    expect((await db.collection('goods').where({ x: 1 }).count()).total).toBe(0);
  });

  test('unknown action and non-JSON body', async () => {
    expect(await callAdmin(emu.adminUrl, { action: 'database.dropEverything', collectionName: 'goods' })).toMatchObject({ code: 'INVALID_ACTION' });
    expect(await callAdmin(emu.adminUrl, 'not json')).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await count()).toBe(4);
  });

  test('an unknown query operator', async () => {
    const raw = await callAdmin(emu.adminUrl, { action: 'database.getDocument', collectionName: 'goods', queryType: 'WHERE', query: '{"price":{"$frobnicate":1}}' });
    expect(raw.code).toBe('INVALID_PARAM');
  });

  test('a batch insert with one bad document inserts none', async () => {
    const before = await count();
    await expect(db.collection('goods').add({ data: [{ _id: 'new1' }, { _id: 'g1' }] as never })).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});
