/**
 * Favourites and browsing history against the emulator, and the shop home header (catalog.shop):
 * adds are idempotent under concurrency, lists show goods as they are now, nobody sees or removes
 * another shopper's entries, history keeps each goods once and at most 100.
 */
import { FAVORITE_LIMITS } from '../../miniprogram/contracts';
import { seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { seedCatalog } from './checkout-fixtures';

let mall: Mall;
let cat: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  cat = await seedCatalog(mall.db, 'fv');
  await seedShop(mall.db, { _id: 'fv-closed', name: '已暂停店', status: 'suspended' });
  await seedGoods(mall.db, { _id: 'fv-g-closed', shopId: 'fv-closed', title: '暂停店的货' }, [{ _id: 'fv-closed-1', priceFen: 100, stock: 5 }]);
  await seedGoods(mall.db, { _id: 'fv-g-off', shopId: cat.shopA, title: '下架的茶', status: 'off_shelf' }, [{ _id: 'fv-off-1', priceFen: 100, stock: 5 }]);
  await seedGoods(mall.db, { _id: 'fv-g-empty', shopId: cat.shopA, title: '卖完的茶' }, [{ _id: 'fv-empty-1', priceFen: 100, stock: 0 }]);
}, 120_000);
afterAll(() => mall.stop());

test('adding is idempotent, also when racing; status, list and remove are per shopper', async () => {
  const amy = mall.as('fv-amy');
  expect(await amy.ok('favorite', 'status', { goodsId: 'fv-g-tea' })).toEqual({ favorite: false });
  const results = await Promise.all(Array.from({ length: 5 }, () => amy.call('favorite', 'add', { goodsId: 'fv-g-tea' })));
  expect(results.every((r) => r.ok)).toBe(true);
  expect((await mall.db.collection('favorites').where({ openid: 'fv-amy' }).count()).total).toBe(1);
  expect(await amy.ok('favorite', 'status', { goodsId: 'fv-g-tea' })).toEqual({ favorite: true });
  expect(await mall.as('fv-bob').ok('favorite', 'status', { goodsId: 'fv-g-tea' })).toEqual({ favorite: false });
  expect(await amy.call('favorite', 'add', { goodsId: 'fv-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // bob's remove of the same goods removes nothing of amy's
  expect(await mall.as('fv-bob').ok('favorite', 'remove', { goodsIds: ['fv-g-tea'] })).toEqual({ removed: 0 });
  expect(await amy.ok('favorite', 'status', { goodsId: 'fv-g-tea' })).toEqual({ favorite: true });
  expect(await amy.ok('favorite', 'remove', { goodsIds: ['fv-g-tea', 'fv-g-cup'] })).toEqual({ removed: 1 });
  expect(await amy.ok('favorite', 'status', { goodsId: 'fv-g-tea' })).toEqual({ favorite: false });
});

test('the list shows goods as they are now, newest first, and pages', async () => {
  const cal = mall.as('fv-cal');
  for (const goodsId of ['fv-g-tea', 'fv-g-off', 'fv-g-empty', 'fv-g-closed', 'fv-g-pen']) {
    await cal.ok('favorite', 'add', { goodsId });
    await mall.advance(1000);
  }
  await mall.db.collection('goods').doc('fv-g-pen').remove();
  const first = await cal.ok('favorite', 'list', { pageSize: 3 });
  expect(first.items.map((g) => [g.goodsId, g.state])).toEqual([
    ['fv-g-pen', 'removed'],
    ['fv-g-closed', 'shop_closed'],
    ['fv-g-empty', 'sold_out'],
  ]);
  const second = await cal.ok('favorite', 'list', { pageSize: 3, cursor: first.nextCursor! });
  expect(second.items.map((g) => [g.goodsId, g.state, g.title])).toEqual([
    ['fv-g-off', 'off_shelf', '下架的茶'],
    ['fv-g-tea', 'on_sale', '龙井茶'],
  ]);
  expect(second.nextCursor).toBeNull();
  expect(second.items[1]).toMatchObject({ priceFen: 3000, shopName: 'fv茶铺' });
});

test('history keeps each goods once, latest visit first, trims to the cap and clears', async () => {
  const dan = mall.as('fv-dan');
  await dan.ok('favorite', 'record', { goodsId: 'fv-g-tea' });
  await mall.advance(1000);
  await dan.ok('favorite', 'record', { goodsId: 'fv-g-cup' });
  await mall.advance(1000);
  await Promise.all([dan.ok('favorite', 'record', { goodsId: 'fv-g-tea' }), dan.ok('favorite', 'record', { goodsId: 'fv-g-tea' })]);
  const h = await dan.ok('favorite', 'history', {});
  expect(h.items.map((g) => g.goodsId)).toEqual(['fv-g-tea', 'fv-g-cup']);
  expect(await dan.call('favorite', 'record', { goodsId: 'fv-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect((await mall.as('fv-eve').ok('favorite', 'history', {})).items).toEqual([]);

  // 100 older entries of other goods: the next new visit trims the oldest
  const now = Date.now();
  for (let i = 0; i < FAVORITE_LIMITS.historyMax; i++) {
    await mall.db.collection('browse_history').add({ data: { _id: `fv-old-${i}`, openid: 'fv-dan', goodsId: `fv-gone-${i}`, viewedAt: new Date(now - 86_400_000 - i * 1000) } });
  }
  await dan.ok('favorite', 'record', { goodsId: 'fv-g-ink' });
  expect((await mall.db.collection('browse_history').where({ openid: 'fv-dan' }).count()).total).toBe(FAVORITE_LIMITS.historyMax);
  const latest = await dan.ok('favorite', 'history', { pageSize: 3 });
  expect(latest.items.map((g) => g.goodsId)).toEqual(['fv-g-ink', 'fv-g-tea', 'fv-g-cup']);

  expect(await dan.ok('favorite', 'removeHistory', { goodsIds: ['fv-g-cup'] })).toEqual({ removed: 1 });
  expect((await dan.ok('favorite', 'clearHistory', {})).removed).toBe(FAVORITE_LIMITS.historyMax - 1);
  expect((await dan.ok('favorite', 'history', {})).items).toEqual([]);
});

test('catalog.shop: the header of an active shop; a suspended shop is closed', async () => {
  await mall.db.collection('shops').doc(cat.shopA).update({ data: { announcement: '新茶上市', bannerUrl: 'cloud://env.bucket/banners/a.jpg' } });
  const home = await mall.as('fv-amy').ok('catalog', 'shop', { shopId: cat.shopA });
  expect(home).toMatchObject({ id: cat.shopA, name: 'fv茶铺', announcement: '新茶上市', bannerUrl: 'cloud://env.bucket/banners/a.jpg', goodsCount: 3 });
  expect(await mall.as('fv-amy').call('catalog', 'shop', { shopId: 'fv-closed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '店铺已暂停营业' } });
  expect(await mall.as('fv-amy').call('catalog', 'shop', { shopId: 'fv-none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
