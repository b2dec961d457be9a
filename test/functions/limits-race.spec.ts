/**
 * Issue 9 §4: limits and "exactly one default" hold under concurrency. Each per-user bounded list
 * (addresses, cart lines, favourites) is raced by many calls at once, with enough function
 * instances that the calls really overlap (the old count-then-insert stored 21 to 22 of 20
 * addresses and lost the default here).
 */
import { CART_MAX_LINES, FAVORITE_LIMITS } from '../../miniprogram/contracts';
import { stableId } from '../../server/ids';
import { validateDocument } from '../../server/validation';
import { seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';

let mall: Mall;
beforeAll(async () => {
  mall = await startMall({ workers: 6 });
  await seedShop(mall.db, { _id: 'race-shop', name: '竞速店', ownerOpenid: 'race-owner' });
  // 20 goods with one SKU each, on the shelf
  for (let i = 0; i < 20; i++) await seedGoods(mall.db, { _id: `race-g${i}`, shopId: 'race-shop' }, [{ _id: `race-sku${i}`, priceFen: 100, stock: 50 }]);
  // start every instance first: the races are about overlapping calls, not about cold starts eating the timeout
  for (const [fn, action] of [['user', 'listAddresses'], ['cart', 'count'], ['favorite', 'list']] as const) {
    await Promise.all(Array.from({ length: 12 }, () => mall.as('warm-up').ok(fn, action as never, {} as never)));
  }
}, 120_000);
afterAll(() => mall.stop());

const home = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道100号' };

async function stored(coll: string, openid: string): Promise<any[]> {
  return (await mall.db.collection(coll).where({ openid }).limit(1000).get()).data;
}

describe('addresses', () => {
  test(`30 concurrent createAddress calls store exactly ${20} addresses, one of them the default`, async () => {
    const who = 'racer-create';
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => mall.as(who).call('user', 'createAddress', { ...home, detail: `并发路${i}号`, isDefault: i % 3 === 0 })));
    const stored = (await mall.db.collection('addresses').where({ openid: who }).limit(100).get()).data;
    expect(stored).toHaveLength(20);
    expect(stored.filter((a: any) => a.isDefault)).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '最多保存20个地址' } });
    const listed = (await mall.as(who).ok('user', 'listAddresses', {})).addresses;
    expect(listed).toHaveLength(20);
    expect(listed.filter((a) => a.isDefault)).toHaveLength(1);
    expect(listed[0]!.isDefault).toBe(true);
    // the limit holds afterwards too
    expect(await mall.as(who).call('user', 'createAddress', home)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('10 concurrent setDefaultAddress calls leave exactly one default, one of the ten', async () => {
    const who = 'racer-default';
    const made = [];
    for (let i = 0; i < 10; i++) made.push(await mall.as(who).ok('user', 'createAddress', { ...home, detail: `默认路${i}号` }));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(made.map((a) => mall.as(who).call('user', 'setDefaultAddress', { addressId: a.id })));
      expect(results.every((r) => r.ok)).toBe(true);
      const stored = (await mall.db.collection('addresses').where({ openid: who }).limit(100).get()).data;
      expect(stored).toHaveLength(10);
      expect(stored.filter((a: any) => a.isDefault)).toHaveLength(1);
    }
  });

  test('concurrent deletes, creates and default changes keep exactly one default and the limit', async () => {
    const who = 'racer-mixed';
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await mall.as(who).ok('user', 'createAddress', { ...home, detail: `混合路${i}号` }));
    const calls = [
      ...made.slice(0, 6).map((a) => mall.as(who).call('user', 'deleteAddress', { addressId: a.id })),
      ...made.slice(4, 10).map((a) => mall.as(who).call('user', 'setDefaultAddress', { addressId: a.id })),
      ...made.slice(8).map((a) => mall.as(who).call('user', 'updateAddress', { ...home, addressId: a.id, isDefault: true })),
      ...Array.from({ length: 16 }, (_, i) => mall.as(who).call('user', 'createAddress', { ...home, detail: `新路${i}号`, isDefault: i % 2 === 0 })),
    ];
    await Promise.all(calls);
    const stored = (await mall.db.collection('addresses').where({ openid: who }).limit(100).get()).data;
    expect(stored.length).toBeLessThanOrEqual(20);
    expect(stored.length).toBeGreaterThanOrEqual(20 - 6);
    expect(stored.filter((a: any) => a.isDefault)).toHaveLength(1);
  });

});

/** Fills a list up to `limit - room` with documents made by `make`, straight into the database. */
async function fill(coll: string, n: number, make: (i: number) => Record<string, unknown>): Promise<void> {
  const docs = Array.from({ length: n }, (_, i) => make(i));
  for (const d of docs) validateDocument(coll as never, d);
  for (let i = 0; i < docs.length; i += 50) await Promise.all(docs.slice(i, i + 50).map((d) => mall.db.collection(coll).add({ data: d })));
}

test(`20 concurrent adds of different SKUs to a cart with room for 3 stop at ${CART_MAX_LINES} lines`, async () => {
  const who = 'racer-cart';
  const now = new Date();
  await fill('carts', CART_MAX_LINES - 3, (i) => ({ _id: stableId('cart', who, `old-${i}`), openid: who, skuId: `old-${i}`, goodsId: 'old', shopId: 'race-shop', quantity: 1, selected: true, addedAt: now, updatedAt: now }));
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => mall.as(who).call('cart', 'add', { skuId: `race-sku${i}`, quantity: 1 })));
  expect(await stored('carts', who)).toHaveLength(CART_MAX_LINES);
  expect(results.filter((r) => r.ok)).toHaveLength(3);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(17).fill('CART_FULL'));
});

test(`20 concurrent favourites with room for 2 stop at ${FAVORITE_LIMITS.favoritesMax}`, async () => {
  const who = 'racer-fav';
  const now = new Date();
  await fill('favorites', FAVORITE_LIMITS.favoritesMax - 2, (i) => ({ _id: stableId('fav', who, `old-${i}`), openid: who, goodsId: `old-${i}`, shopId: 'race-shop', createdAt: now }));
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => mall.as(who).call('favorite', 'add', { goodsId: `race-g${i}` })));
  expect(await stored('favorites', who)).toHaveLength(FAVORITE_LIMITS.favoritesMax);
  expect(results.filter((r) => r.ok)).toHaveLength(2);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(18).fill('FAVORITES_FULL'));
});
