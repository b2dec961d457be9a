import type { GoodsCard, SearchRequest } from '../../miniprogram/contracts';
import type { GoodsDoc } from '../../server/model';
import { seedBanner, seedCategory, seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';

let mall: Mall;
const T = (day: number) => new Date(Date.UTC(2026, 0, day));
/** Every goods a shopper may find (on shelf, active shop), as seeded. */
const onSale: GoodsDoc[] = [];

async function goods(over: Partial<GoodsDoc> & { _id: string; shopId: string }, skus: Array<{ _id: string; priceFen: number; stock: number; specValues?: Record<string, string> }>, listed = true) {
  const seeded = await seedGoods(mall.db, over, skus);
  if (listed) onSale.push(seeded.goods);
  return seeded;
}

beforeAll(async () => {
  mall = await startMall();
  const db = mall.db;
  await seedShop(db, { _id: 's1', name: '鲜果铺' });
  await seedShop(db, { _id: 's2', name: '茗香茶庄' });
  await seedShop(db, { _id: 's3', name: '停业店', status: 'suspended' });
  await seedCategory(db, { _id: 'c1', name: '水果', sort: 2 });
  await seedCategory(db, { _id: 'c2', name: '茶饮', sort: 1 });
  await seedCategory(db, { _id: 'c3', name: '隐藏', sort: 0, status: 'hidden' });
  await seedCategory(db, { _id: 'c1b', name: '柑橘', parentId: 'c1', sort: 2 });
  await seedCategory(db, { _id: 'c1a', name: '苹果', parentId: 'c1', sort: 1 });
  await seedCategory(db, { _id: 'c1a1', name: '红富士', parentId: 'c1a', level: 3, path: ['c1', 'c1a', 'c1a1'], sort: 0 });
  await seedCategory(db, { _id: 'c3a', name: '隐藏子类', parentId: 'c3' });
  await seedCategory(db, { _id: 'c2x', name: '隐藏茶', parentId: 'c2', status: 'hidden' });
  await seedBanner(db, { _id: 'b2', sort: 2, link: { type: 'goods', goodsId: 'g-apple' } });
  await seedBanner(db, { _id: 'b1', sort: 1, link: { type: 'search', keyword: '苹果' } });
  await seedBanner(db, { _id: 'b3', sort: 0, status: 'hidden' });

  await goods({ _id: 'g-apple', shopId: 's1', title: 'Red Apple 红富士', keywords: ['水果', 'FRESH'], categoryIds: ['c1', 'c1a', 'c1a1'], recommended: true, sales: 50, createdAt: T(3), originalPriceFen: 1500 }, [
    { _id: 'k-apple-s', priceFen: 1000, stock: 10, specValues: { 规格: '小果' } },
    { _id: 'k-apple-l', priceFen: 1800, stock: 4, specValues: { 规格: '大果' } },
  ]);
  await goods({ _id: 'g-tea', shopId: 's2', title: '西湖龙井', keywords: ['绿茶'], categoryIds: ['c2'], recommended: true, sales: 200, createdAt: T(2) }, [{ _id: 'k-tea', priceFen: 26800, stock: 3 }]);
  await goods({ _id: 'g-regex', shopId: 's1', title: 'a.*b (special) [x]', categoryIds: ['c1'], sales: 1, createdAt: T(1) }, [{ _id: 'k-regex', priceFen: 300, stock: 1 }]);
  await goods({ _id: 'g-soldout', shopId: 's1', title: '售罄的橙子', categoryIds: ['c1', 'c1b'], sales: 7, createdAt: T(4) }, [{ _id: 'k-soldout', priceFen: 900, stock: 0 }]);
  // never listed: off the shelf, or in a suspended shop (with the best sales, to be sure)
  await goods({ _id: 'g-off', shopId: 's1', title: 'Apple 下架', categoryIds: ['c1'], status: 'off_shelf', recommended: true, sales: 999 }, [{ _id: 'k-off', priceFen: 100, stock: 9 }], false);
  await goods({ _id: 'g-susp', shopId: 's3', title: 'Apple 停业', categoryIds: ['c1'], recommended: true, sales: 1000 }, [{ _id: 'k-susp', priceFen: 100, stock: 9 }], false);
  // a bulk of goods with repeated prices and sales, so that every sort needs its tie-breaker
  for (let i = 1; i <= 23; i++) {
    const id = `p${String(i).padStart(2, '0')}`;
    await goods({ _id: id, shopId: i % 2 ? 's1' : 's2', title: `批量商品${id}`, categoryIds: ['c1', 'c1b'], sales: i % 4, createdAt: T(10 + (i % 6)) }, [{ _id: `k-${id}`, priceFen: 100 * ((i % 5) + 1), stock: 5 }]);
  }
});
afterAll(() => mall.stop());

const ids = (cards: GoodsCard[]) => cards.map((c) => c.id);
const byId = (a: GoodsDoc, b: GoodsDoc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
const EXPECTED_ORDER: Record<string, (a: GoodsDoc, b: GoodsDoc) => number> = {
  default: (a, b) => Number(b.recommended ?? -1) - Number(a.recommended ?? -1) || b.sales - a.sales || byId(a, b),
  price_asc: (a, b) => a.priceFen - b.priceFen || byId(a, b),
  price_desc: (a, b) => b.priceFen - a.priceFen || byId(a, b),
  sales: (a, b) => b.sales - a.sales || byId(a, b),
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(a, b),
};

async function searchAll(req: SearchRequest, pageSize: number): Promise<{ ids: string[]; pages: number }> {
  const out: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await mall.as('alice').ok('catalog', 'search', { ...req, pageSize, ...(cursor ? { cursor } : {}) });
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    out.push(...ids(page.items));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages < 50);
  return { ids: out, pages };
}

describe('home', () => {
  test('banners, top categories, recommended and hot goods in one call', async () => {
    const feed = await mall.as('alice').ok('catalog', 'home', {});
    expect(feed.banners.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(feed.banners[1].link).toEqual({ type: 'goods', goodsId: 'g-apple' });
    expect(feed.categories).toEqual([
      { id: 'c2', name: '茶饮', iconUrl: '' },
      { id: 'c1', name: '水果', iconUrl: '' },
    ]);
    expect(ids(feed.recommended)).toEqual(['g-tea', 'g-apple']);
    const hot = [...onSale].sort(EXPECTED_ORDER.sales).slice(0, 10).map((g) => g._id);
    expect(ids(feed.hot)).toEqual(hot);
    const apple = feed.recommended[1];
    expect(apple).toEqual({ id: 'g-apple', title: 'Red Apple 红富士', coverUrl: expect.any(String), shopId: 's1', shopName: '鲜果铺', priceFen: 1000, originalPriceFen: 1500, sales: 50, inStock: true });
    expect(feed.hot.find((c) => c.id === 'g-tea')).toMatchObject({ shopName: '茗香茶庄', inStock: true });
    expect(feed.hot.find((c) => c.id === 'g-soldout')).toMatchObject({ inStock: false });
    expect(feed.hot.find((c) => c.id === 'g-tea')).not.toHaveProperty('originalPriceFen');
  });
});

test('categories: the active tree, three levels, each level sorted; hidden subtrees left out', async () => {
  const tree = await mall.as('alice').ok('catalog', 'categories', {});
  const shape = (nodes: Array<{ id: string; children: unknown[] }>): unknown => nodes.map((n) => [n.id, shape(n.children as never)]);
  expect(shape(tree.categories)).toEqual([
    ['c2', []],
    ['c1', [['c1a', [['c1a1', []]]], ['c1b', []]]],
  ]);
});

describe('search', () => {
  test('keyword: case-insensitive, over the title and the keywords, every term must match', async () => {
    expect((await searchAll({ keyword: 'apple' }, 20)).ids).toEqual(['g-apple']);
    expect((await searchAll({ keyword: 'fresh' }, 20)).ids).toEqual(['g-apple']);
    expect((await searchAll({ keyword: '  red   富士 ' }, 20)).ids).toEqual(['g-apple']);
    expect((await searchAll({ keyword: 'red 龙井' }, 20)).ids).toEqual([]);
    expect((await searchAll({ keyword: '绿茶' }, 20)).ids).toEqual(['g-tea']);
  });

  test('regular-expression characters match literally', async () => {
    expect((await searchAll({ keyword: '.*' }, 20)).ids).toEqual(['g-regex']);
    expect((await searchAll({ keyword: '(' }, 20)).ids).toEqual(['g-regex']);
    expect((await searchAll({ keyword: '[x]' }, 20)).ids).toEqual(['g-regex']);
    for (const keyword of ['\\', '(?i)', 'a|b', '$where', '^a', 'b$', '+', '.+']) {
      const r = await mall.as('alice').call('catalog', 'search', { keyword });
      expect(r.ok).toBe(true);
      if (r.ok) expect(ids(r.data.items)).toEqual([]);
    }
  });

  test('a blank keyword lists everything on sale; off-shelf goods and suspended shops never appear', async () => {
    const all = (await searchAll({ keyword: '   ' }, 50)).ids;
    expect([...all].sort()).toEqual(onSale.map((g) => g._id).sort());
    expect(all).not.toContain('g-off');
    expect(all).not.toContain('g-susp');
  });

  test('filters: category at any level, shop, price range', async () => {
    const expectIds = (list: string[], pred: (g: GoodsDoc) => boolean) => expect([...list].sort()).toEqual(onSale.filter(pred).map((g) => g._id).sort());
    expectIds((await searchAll({ categoryId: 'c1' }, 50)).ids, (g) => g.categoryIds.includes('c1'));
    expectIds((await searchAll({ categoryId: 'c1b' }, 50)).ids, (g) => g.categoryIds.includes('c1b'));
    expect((await searchAll({ categoryId: 'c1a1' }, 50)).ids).toEqual(['g-apple']);
    expectIds((await searchAll({ shopId: 's2' }, 50)).ids, (g) => g.shopId === 's2');
    expect((await searchAll({ shopId: 's3' }, 50)).ids).toEqual([]);
    expectIds((await searchAll({ minPriceFen: 300, maxPriceFen: 500 }, 50)).ids, (g) => g.priceFen >= 300 && g.priceFen <= 500);
    expectIds((await searchAll({ minPriceFen: 1000 }, 50)).ids, (g) => g.priceFen >= 1000);
    expectIds((await searchAll({ maxPriceFen: 200, shopId: 's1' }, 50)).ids, (g) => g.priceFen <= 200 && g.shopId === 's1');
    const bad = await mall.as('alice').call('catalog', 'search', { minPriceFen: 500, maxPriceFen: 100 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test.each(Object.keys(EXPECTED_ORDER))('sort %s, paged by 4: every goods exactly once, in order', async (sort) => {
    const { ids: got, pages } = await searchAll({ sort: sort as SearchRequest['sort'] }, 4);
    expect(got).toEqual([...onSale].sort(EXPECTED_ORDER[sort]).map((g) => g._id));
    expect(pages).toBe(Math.ceil(onSale.length / 4));
  });

  test('paging with filters stops on the last page (no empty extra page)', async () => {
    const n = onSale.filter((g) => g.shopId === 's2').length;
    const first = await mall.as('alice').ok('catalog', 'search', { shopId: 's2', pageSize: n });
    expect(first.items).toHaveLength(n);
    expect(first.nextCursor).toBeNull();
    const def = await mall.as('alice').ok('catalog', 'search', {});
    expect(def.items).toHaveLength(20);
    expect(def.nextCursor).not.toBeNull();
  });

  test('bad search payloads are refused', async () => {
    for (const bad of [{ keyword: 'x'.repeat(31) }, { pageSize: 51 }, { pageSize: 0 }, { sort: 'random' }, { keyword: { $regex: '.*' } }, { minPriceFen: -1 }, { shopId: '' }, { status: 'off_shelf' }]) {
      expect(await mall.raw('alice', 'catalog', { action: 'search', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});

describe('detail', () => {
  test('goods, SKUs with live stock and the shop', async () => {
    await mall.db.collection('skus').doc('k-apple-l').update({ data: { stock: 2 } });
    const d = await mall.as('alice').ok('catalog', 'detail', { goodsId: 'g-apple' });
    expect(d).toMatchObject({ id: 'g-apple', title: 'Red Apple 红富士', shop: { id: 's1', name: '鲜果铺', logoUrl: '' }, categoryIds: ['c1', 'c1a', 'c1a1'], priceFen: 1000, originalPriceFen: 1500, sales: 50, onShelf: true });
    expect(d.specs).toEqual([{ name: '规格', values: ['小果', '大果'] }]);
    expect(d.skus).toEqual([
      { id: 'k-apple-s', specValues: { 规格: '小果' }, specText: '小果', priceFen: 1000, stock: 10 },
      { id: 'k-apple-l', specValues: { 规格: '大果' }, specText: '大果', priceFen: 1800, stock: 2 },
    ]);
  });

  test('off-shelf goods and goods of a suspended shop stay viewable with onShelf false', async () => {
    expect(await mall.as('alice').ok('catalog', 'detail', { goodsId: 'g-off' })).toMatchObject({ id: 'g-off', onShelf: false });
    expect(await mall.as('alice').ok('catalog', 'detail', { goodsId: 'g-susp' })).toMatchObject({ id: 'g-susp', onShelf: false, shop: { name: '停业店' } });
  });

  test('an unknown goods is NOT_FOUND; a bad id is INVALID_ARGUMENT', async () => {
    expect(await mall.as('alice').call('catalog', 'detail', { goodsId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.raw('alice', 'catalog', { action: 'detail', goodsId: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await mall.raw('alice', 'catalog', { action: 'detail' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
