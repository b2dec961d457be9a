import { CART_MAX_LINES, type CartLine, type CartView } from '../../miniprogram/contracts';
import { stableId } from '../../server/ids';
import { validateDocument } from '../../server/validation';
import { seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';

let mall: Mall;
let seq = 0;

/** A fresh goods with one SKU per price given, so each test can change its own data. */
async function freshGoods(shopId: string, skus: Array<{ priceFen: number; stock: number }>) {
  const g = `g${++seq}`;
  const { skus: docs } = await seedGoods(mall.db, { _id: g, shopId, title: `商品${g}` }, skus.map((s, i) => ({ _id: `${g}-k${i}`, ...s, specValues: { 规格: `规格${i}` } })));
  return { goodsId: g, skuIds: docs.map((d) => d._id) };
}

const lines = (v: CartView): CartLine[] => v.shops.flatMap((s) => s.lines);
const lineOf = (v: CartView, skuId: string): CartLine => lines(v).find((l) => l.skuId === skuId)!;
const cartDocs = async (openid: string) => (await mall.db.collection('carts').where({ openid }).limit(1000).get()).data;

beforeAll(async () => {
  mall = await startMall();
  await seedShop(mall.db, { _id: 's1', name: '一号店' });
  await seedShop(mall.db, { _id: 's2', name: '二号店' });
  await seedShop(mall.db, { _id: 's3', name: '停业店', status: 'suspended' });
});
afterAll(() => mall.stop());

test('an empty cart', async () => {
  expect(await mall.as('nobody').ok('cart', 'view', {})).toEqual({ shops: [], selectedCount: 0, selectedGoodsFen: 0, totalQuantity: 0 });
  expect(await mall.as('nobody').ok('cart', 'count', {})).toEqual({ totalQuantity: 0 });
});

test('adding the same SKU again merges into one line; lines are grouped by shop with server totals', async () => {
  const a = await freshGoods('s1', [{ priceFen: 1000, stock: 50 }]);
  const b = await freshGoods('s2', [{ priceFen: 550, stock: 50 }]);
  await mall.as('alice').ok('cart', 'add', { skuId: a.skuIds[0], quantity: 2 });
  await mall.as('alice').ok('cart', 'add', { skuId: a.skuIds[0], quantity: 3 });
  const v = await mall.as('alice').ok('cart', 'add', { skuId: b.skuIds[0], quantity: 1 });
  expect(v.shops.map((s) => [s.shopId, s.shopName, s.lines.map((l) => [l.skuId, l.quantity])])).toEqual([
    ['s2', '二号店', [[b.skuIds[0], 1]]],
    ['s1', '一号店', [[a.skuIds[0], 5]]],
  ]);
  expect(lineOf(v, a.skuIds[0])).toEqual({ id: stableId('cart', 'alice', a.skuIds[0]), skuId: a.skuIds[0], goodsId: a.goodsId, shopId: 's1', title: `商品${a.goodsId}`, coverUrl: expect.any(String), specText: '规格0', priceFen: 1000, quantity: 5, selected: true, stock: 50, state: 'ok' });
  expect(v).toMatchObject({ selectedCount: 6, selectedGoodsFen: 5550, totalQuantity: 6 });
  expect(await cartDocs('alice')).toHaveLength(2);
  expect(await mall.as('alice').ok('cart', 'count', {})).toEqual({ totalQuantity: 6 });
});

test('caps: never above the stock nor 999 per line, with the amount still addable', async () => {
  const { skuIds: [small] } = await freshGoods('s1', [{ priceFen: 100, stock: 5 }]);
  expect(await mall.as('bob').call('cart', 'add', { skuId: small, quantity: 6 })).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', message: expect.stringContaining('5') } });
  await mall.as('bob').ok('cart', 'add', { skuId: small, quantity: 4 });
  expect(await mall.as('bob').call('cart', 'add', { skuId: small, quantity: 2 })).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', details: { inCart: 4, maxAddable: 1 } } });
  await mall.as('bob').ok('cart', 'add', { skuId: small, quantity: 1 });

  const { skuIds: [big] } = await freshGoods('s1', [{ priceFen: 100, stock: 5000 }]);
  await mall.as('bob').ok('cart', 'add', { skuId: big, quantity: 998 });
  expect(await mall.as('bob').call('cart', 'add', { skuId: big, quantity: 2 })).toMatchObject({ ok: false, error: { code: 'INVALID_QUANTITY', details: { inCart: 998, maxAddable: 1 } } });
  const v = await mall.as('bob').ok('cart', 'add', { skuId: big, quantity: 1 });
  expect([lineOf(v, small).quantity, lineOf(v, big).quantity]).toEqual([5, 999]);
});

test('goods that cannot be bought are refused: off the shelf, suspended shop, sold out, unknown SKU', async () => {
  const off = await freshGoods('s1', [{ priceFen: 100, stock: 5 }]);
  await mall.db.collection('goods').doc(off.goodsId).update({ data: { status: 'off_shelf' } });
  const susp = await freshGoods('s3', [{ priceFen: 100, stock: 5 }]);
  const zero = await freshGoods('s1', [{ priceFen: 100, stock: 0 }]);
  expect(await mall.as('carol').call('cart', 'add', { skuId: off.skuIds[0], quantity: 1 })).toMatchObject({ ok: false, error: { code: 'GOODS_OFF_SHELF' } });
  expect(await mall.as('carol').call('cart', 'add', { skuId: susp.skuIds[0], quantity: 1 })).toMatchObject({ ok: false, error: { code: 'GOODS_OFF_SHELF' } });
  expect(await mall.as('carol').call('cart', 'add', { skuId: zero.skuIds[0], quantity: 1 })).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
  expect(await mall.as('carol').call('cart', 'add', { skuId: 'no-such-sku', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'SKU_NOT_FOUND' } });
  expect(await cartDocs('carol')).toHaveLength(0);
});

test('the view re-prices and re-checks every line: price change, stock drop, sold out, off shelf, deleted SKU', async () => {
  const g = await freshGoods('s1', [{ priceFen: 1000, stock: 50 }, { priceFen: 2000, stock: 50 }, { priceFen: 3000, stock: 50 }, { priceFen: 4000, stock: 50 }]);
  const other = await freshGoods('s2', [{ priceFen: 700, stock: 50 }]);
  const [priced, shrunk, gone, removed] = g.skuIds;
  for (const skuId of g.skuIds) await mall.as('erin').ok('cart', 'add', { skuId, quantity: 3 });
  await mall.as('erin').ok('cart', 'add', { skuId: other.skuIds[0], quantity: 1 });

  const skus = mall.db.collection('skus');
  await skus.doc(priced).update({ data: { priceFen: 1200 } });
  await skus.doc(shrunk).update({ data: { stock: 2 } });
  await skus.doc(gone).update({ data: { stock: 0 } });
  await skus.doc(removed).remove();
  let v = await mall.as('erin').ok('cart', 'view', {});
  // newest line first, shops in the order of their newest line
  expect(lines(v).map((l) => [l.skuId, l.state, l.priceFen, l.stock])).toEqual([
    [other.skuIds[0], 'ok', 700, 50],
    [removed, 'sku_removed', 0, 0],
    [gone, 'sold_out', 3000, 0],
    [shrunk, 'insufficient_stock', 2000, 2],
    [priced, 'ok', 1200, 50],
  ]);
  // only selected lines in state ok count, at today's price
  expect(v).toMatchObject({ selectedCount: 4, selectedGoodsFen: 3 * 1200 + 700, totalQuantity: 13 });

  await mall.db.collection('goods').doc(other.goodsId).update({ data: { status: 'off_shelf' } });
  v = await mall.as('erin').ok('cart', 'view', {});
  expect(lineOf(v, other.skuIds[0]).state).toBe('off_shelf');
  expect(v).toMatchObject({ selectedCount: 3, selectedGoodsFen: 3600 });
  await mall.db.collection('shops').doc('s2').update({ data: { status: 'suspended' } });
  await mall.db.collection('goods').doc(other.goodsId).update({ data: { status: 'on_shelf' } });
  expect(lineOf(await mall.as('erin').ok('cart', 'view', {}), other.skuIds[0]).state).toBe('off_shelf');
  await mall.db.collection('shops').doc('s2').update({ data: { status: 'active' } });

  // lowering the quantity fixes the short line; raising beyond the stock is refused
  const shortLine = lineOf(v, shrunk);
  v = await mall.as('erin').ok('cart', 'setQuantity', { lineId: shortLine.id, quantity: 2 });
  expect(lineOf(v, shrunk)).toMatchObject({ quantity: 2, state: 'ok' });
  expect(await mall.as('erin').call('cart', 'setQuantity', { lineId: shortLine.id, quantity: 3 })).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
  expect(await mall.as('erin').call('cart', 'setQuantity', { lineId: lineOf(v, removed).id, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'SKU_NOT_FOUND' } });
});

test('select, unselect all, remove', async () => {
  const g = await freshGoods('s1', [{ priceFen: 100, stock: 9 }, { priceFen: 200, stock: 9 }]);
  await mall.as('fay').ok('cart', 'add', { skuId: g.skuIds[0], quantity: 1 });
  let v = await mall.as('fay').ok('cart', 'add', { skuId: g.skuIds[1], quantity: 2 });
  const [l0, l1] = [lineOf(v, g.skuIds[0]).id, lineOf(v, g.skuIds[1]).id];
  v = await mall.as('fay').ok('cart', 'select', { lineIds: [l1], selected: false });
  expect(v).toMatchObject({ selectedCount: 1, selectedGoodsFen: 100, totalQuantity: 3 });
  v = await mall.as('fay').ok('cart', 'select', { lineIds: 'all', selected: false });
  expect(v).toMatchObject({ selectedCount: 0, selectedGoodsFen: 0 });
  v = await mall.as('fay').ok('cart', 'select', { lineIds: 'all', selected: true });
  expect(v).toMatchObject({ selectedCount: 3, selectedGoodsFen: 500 });
  v = await mall.as('fay').ok('cart', 'remove', { lineIds: [l0] });
  expect(lines(v).map((l) => l.id)).toEqual([l1]);
  expect(await mall.as('fay').ok('cart', 'count', {})).toEqual({ totalQuantity: 2 });
});

test('20 concurrent adds of one SKU make one line holding every increment', async () => {
  const { skuIds: [sku] } = await freshGoods('s1', [{ priceFen: 100, stock: 1000 }]);
  const results = await Promise.all(Array.from({ length: 20 }, () => mall.as('gus').call('cart', 'add', { skuId: sku, quantity: 3 })));
  expect(results.filter((r) => !r.ok)).toEqual([]);
  const docs = await cartDocs('gus');
  expect(docs.map((d: any) => [d.skuId, d.quantity])).toEqual([[sku, 60]]);
});

test('20 concurrent adds beyond the stock stop exactly at the stock', async () => {
  const { skuIds: [sku] } = await freshGoods('s1', [{ priceFen: 100, stock: 31 }]);
  const results = await Promise.all(Array.from({ length: 20 }, () => mall.as('hal').call('cart', 'add', { skuId: sku, quantity: 3 })));
  expect(results.filter((r) => r.ok)).toHaveLength(10);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(10).fill('OUT_OF_STOCK'));
  expect((await cartDocs('hal')).map((d: any) => d.quantity)).toEqual([30]);
});

test(`at most ${CART_MAX_LINES} different SKUs`, async () => {
  const now = new Date();
  const docs = Array.from({ length: CART_MAX_LINES }, (_, i) => ({ _id: stableId('cart', 'ivy', `gone-${i}`), openid: 'ivy', skuId: `gone-${i}`, goodsId: 'gone', shopId: 's1', quantity: 1, selected: true, addedAt: now, updatedAt: now }));
  for (const d of docs) validateDocument('carts', d);
  await Promise.all(docs.map((d) => mall.db.collection('carts').add({ data: d })));
  const { skuIds: [sku] } = await freshGoods('s1', [{ priceFen: 100, stock: 9 }]);
  expect(await mall.as('ivy').call('cart', 'add', { skuId: sku, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'CART_FULL' } });
  const v = await mall.as('ivy').ok('cart', 'view', {});
  expect(lines(v)).toHaveLength(CART_MAX_LINES);
  expect(lines(v).every((l) => l.state === 'sku_removed')).toBe(true);
  // an existing line still grows
  await mall.as('ivy').ok('cart', 'remove', { lineIds: [docs[0]._id] });
  await mall.as('ivy').ok('cart', 'add', { skuId: sku, quantity: 1 });
  expect(lineOf(await mall.as('ivy').ok('cart', 'add', { skuId: sku, quantity: 1 }), sku).quantity).toBe(2);
});

describe('security', () => {
  let victimLine: string;
  let before: CartView;
  beforeAll(async () => {
    const { skuIds: [sku] } = await freshGoods('s1', [{ priceFen: 100, stock: 9 }]);
    before = await mall.as('victor').ok('cart', 'add', { skuId: sku, quantity: 2 });
    victimLine = lines(before)[0].id;
  });

  test("another shopper's line ids are NOT_FOUND and change nothing", async () => {
    const { skuIds: [own] } = await freshGoods('s1', [{ priceFen: 100, stock: 9 }]);
    const mine = lines(await mall.as('mallory').ok('cart', 'add', { skuId: own, quantity: 1 }))[0].id;
    const attempts = [
      mall.as('mallory').call('cart', 'setQuantity', { lineId: victimLine, quantity: 9 }),
      mall.as('mallory').call('cart', 'remove', { lineIds: [victimLine] }),
      mall.as('mallory').call('cart', 'remove', { lineIds: [mine, victimLine] }),
      mall.as('mallory').call('cart', 'select', { lineIds: [victimLine], selected: false }),
      mall.as('mallory').call('cart', 'select', { lineIds: [mine, victimLine], selected: false }),
    ];
    for (const r of await Promise.all(attempts)) expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.as('victor').ok('cart', 'view', {})).toEqual(before);
    // all-or-nothing: mallory's own line was neither removed nor unselected
    expect(lines(await mall.as('mallory').ok('cart', 'view', {}))).toMatchObject([{ id: mine, selected: true, quantity: 1 }]);
  });

  test('tampered payloads are INVALID_ARGUMENT and change nothing', async () => {
    const sku = before.shops[0].lines[0].skuId;
    const bad: Array<Record<string, unknown>> = [
      { action: 'add', skuId: sku, quantity: 1, priceFen: 1 },
      { action: 'add', skuId: sku, quantity: 1, openid: 'mallory' },
      ...[0, -1, 1.5, 1e9, '2', null].map((quantity) => ({ action: 'add', skuId: sku, quantity })),
      { action: 'add', skuId: { $ne: null }, quantity: 1 },
      { action: 'setQuantity', lineId: victimLine, quantity: 0 },
      { action: 'setQuantity', lineId: victimLine, quantity: 1000 },
      { action: 'setQuantity', lineId: victimLine, quantity: 3, selected: false },
      { action: 'select', lineIds: 'everything', selected: false },
      { action: 'select', lineIds: [], selected: false },
      { action: 'remove', lineIds: victimLine },
      { action: 'view', openid: 'mallory' },
    ];
    for (const event of bad) expect([event, await mall.raw('victor', 'cart', event)]).toMatchObject([event, { ok: false, error: { code: 'INVALID_ARGUMENT' } }]);
    expect(await mall.as('victor').ok('cart', 'view', {})).toEqual(before);
  });
});
