/**
 * The shopping pages against the real catalog and cart functions on the emulator, with seeded
 * data: page -> services -> local-gateway transport (wx.request over http) -> emulator gateway ->
 * the built cloud function -> the emulator's database. Nothing here is stubbed but WeChat itself.
 */
import { seedBanner, seedCategory, seedGoods, seedShop } from '../support/fixtures';
import { loadPage, type LoadedPage } from './support/load-page';
import { shopAs, startPageMall, type Mall } from './support/page-mall';

const BUCKET = '6c6f-local-env-1250000000';
const LONGJING_COVER = `cloud://local-env.${BUCKET}/goods/longjing/cover.png`;

let mall: Mall;

beforeAll(async () => {
  mall = await startPageMall();
  const { db } = mall;
  await seedShop(db, { _id: 's-tea', name: '杭州茗香茶庄' });
  await seedShop(db, { _id: 's-fruit', name: '赣南果园直供' });
  await seedCategory(db, { _id: 'c-tea', name: '茶饮冲调', sort: 1 });
  await seedCategory(db, { _id: 'c-green', name: '绿茶', parentId: 'c-tea' });
  await seedCategory(db, { _id: 'c-fruit', name: '新鲜水果', sort: 2 });
  await seedBanner(db, { _id: 'b-tea', title: '明前龙井 新茶上市', link: { type: 'goods', goodsId: 'g-longjing' } });
  await seedGoods(
    db,
    { _id: 'g-longjing', shopId: 's-tea', title: '西湖龙井 明前特级', categoryIds: ['c-tea', 'c-green'], keywords: ['绿茶'], recommended: true, sales: 120, coverUrl: LONGJING_COVER, images: [LONGJING_COVER] },
    [
      { _id: 'k-gift-250', priceFen: 26800, stock: 0, specValues: { 包装: '礼盒装', 规格: '250g' } },
      { _id: 'k-gift-500', priceFen: 49800, stock: 12, specValues: { 包装: '礼盒装', 规格: '500g' } },
      { _id: 'k-plain-250', priceFen: 19800, stock: 3, specValues: { 包装: '简装', 规格: '250g' } },
    ],
  );
  await seedGoods(db, { _id: 'g-orange', shopId: 's-fruit', title: '赣南脐橙 5kg', categoryIds: ['c-fruit'], sales: 300 }, [{ _id: 'k-orange', priceFen: 3990, stock: 50 }]);
  await seedGoods(db, { _id: 'g-pomelo', shopId: 's-fruit', title: '琯溪蜜柚', categoryIds: ['c-fruit'], sales: 5 }, [{ _id: 'k-pomelo', priceFen: 2990, stock: 10 }]);
  // 22 more fruit so that a search needs a second page (20 a page).
  for (let i = 1; i <= 22; i += 1) {
    const id = `g-apple-${String(i).padStart(2, '0')}`;
    await seedGoods(db, { _id: id, shopId: 's-fruit', title: `苹果礼盒 ${i} 号`, categoryIds: ['c-fruit'], sales: 0 }, [{ _id: `k-apple-${i}`, priceFen: 1000 + i, stock: 5 }]);
  }
}, 60000);

afterAll(async () => {
  await mall?.stop();
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function open(path: string, query?: Record<string, string>): Promise<LoadedPage> {
  const page = await loadPage(path, { transport: 'app', ...(query ? { query } : {}) });
  await page.waitFor(() => page.data.status !== 'loading');
  return page;
}

const cartOf = (openid: string) => mall.as(openid).ok('cart', 'view', {});

it('home: banners, categories, recommended and hot goods, images served by the emulator', async () => {
  shopAs(mall, 'shopper-home');
  const page = await open('pages/home/index');

  expect(page.data.status).toBe('ready');
  expect(page.findAll('.home__banners >>> .t-swiper__item')).toHaveLength(1);
  expect(page.texts('.home__category')).toEqual(['茶饮冲调', '新鲜水果']);
  expect(page.texts('.home__recommended .goods-card__title')).toEqual(['西湖龙井 明前特级']);
  expect(page.texts('.home__hot .goods-card__title').slice(0, 3)).toEqual(['赣南脐橙 5kg', '西湖龙井 明前特级', '琯溪蜜柚']);
  expect(page.texts('.home__recommended .goods-card__price')).toEqual(['¥198.00']);
  expect((page.data.recommended as Array<{ coverUrl: string }>)[0]!.coverUrl).toBe(`${mall.emu.url}/storage/${BUCKET}/goods/longjing/cover.png`);

  await page.tap(page.findAll('.home__banners >>> .t-swiper__item')[0]!);
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/goods/detail/index?goodsId=g-longjing' });
});

it('category: the tree from the function, a sub-category opens the search', async () => {
  shopAs(mall, 'shopper-category');
  const page = await open('pages/category/index');

  expect(page.texts('.category__side-item')).toEqual(['茶饮冲调', '新鲜水果']);
  expect(page.texts('.category__child')).toEqual(['绿茶']);
  await page.tap('.category__child');
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: `/packages/goods/search/index?categoryId=c-green&title=${encodeURIComponent('绿茶')}` });
});

it('search: keyword, category paging on reaching the bottom, sorting by price', async () => {
  shopAs(mall, 'shopper-search');
  const byKeyword = await open('packages/goods/search/index', { keyword: encodeURIComponent('龙井') });
  expect(byKeyword.texts('.goods-card__title')).toEqual(['西湖龙井 明前特级']);

  const page = await open('packages/goods/search/index', { categoryId: 'c-fruit', title: encodeURIComponent('新鲜水果') });
  expect(page.findAll('.goods-card')).toHaveLength(20);
  await page.lifecycle('onReachBottom');
  await page.waitFor(() => !page.data.loadingMore);
  expect(page.findAll('.goods-card')).toHaveLength(24);
  expect(page.text('.list-footer__end')).toBe('没有更多了');

  await page.tap(page.findAll('.search__sort')[2]!);
  await page.waitFor(() => page.data.status === 'ready');
  expect(page.texts('.goods-card__price').slice(0, 3)).toEqual(['¥10.01', '¥10.02', '¥10.03']);
});

it('goods detail: sold-out combinations greyed out, the picked SKU and quantity go into the cart', async () => {
  shopAs(mall, 'shopper-detail');
  const page = await open('packages/goods/detail/index', { goodsId: 'g-longjing' });
  expect(page.text('.detail__price')).toBe('¥198.00');
  expect(page.text('.detail__shop')).toContain('杭州茗香茶庄');

  await page.tap('.detail__add');
  const value = (text: string) => page.findAll('.detail__picker >>> .sku-picker__value').find((node) => node.dom?.textContent?.trim() === text)!;
  await page.tap(value('礼盒装'));
  expect(value('250g').dom!.className).toContain('sku-picker__value--disabled');
  await page.tap(value('500g'));
  await page.tap('.detail__picker >>> .sku-picker__stepper >>> .t-stepper__plus');
  await page.tap('.detail__picker >>> .sku-picker__add');
  await page.waitFor(() => (wx.showToast as jest.Mock).mock.calls.length > 0);

  expect(wx.showToast).toHaveBeenCalledWith({ title: '已加入购物车', icon: 'success' });
  const cart = await cartOf('shopper-detail');
  expect(cart.shops.flatMap((shop) => shop.lines).map((line) => [line.skuId, line.quantity])).toEqual([['k-gift-500', 2]]);
});

it('cart: groups and totals from the server, selection, quantity and delete change the server cart', async () => {
  const shopper = 'shopper-cart';
  await mall.as(shopper).ok('cart', 'add', { skuId: 'k-gift-500', quantity: 1 });
  await mall.as(shopper).ok('cart', 'add', { skuId: 'k-orange', quantity: 2 });
  await mall.as(shopper).ok('cart', 'add', { skuId: 'k-pomelo', quantity: 1 });
  shopAs(mall, shopper);
  const page = await open('pages/cart/index');

  expect(page.texts('.cart-shop__name').sort()).toEqual(['杭州茗香茶庄', '赣南果园直供']);
  expect(page.text('.cart__total')).toBe('¥607.70');
  expect(page.text('.cart__checkout')).toBe('去结算(4)');

  const lineIndex = (title: string) => page.texts('.cart-line__title').indexOf(title);
  await page.tap(page.findAll('.cart-line__check')[lineIndex('琯溪蜜柚')]!);
  await page.waitFor(() => page.text('.cart__total') === '¥577.80');
  expect(page.text('.cart__checkout')).toBe('去结算(3)');

  // Every line is in stock, so each has a stepper, in line order.
  await page.tap(page.findAll('.cart-line__stepper >>> .t-stepper__plus')[lineIndex('西湖龙井 明前特级')]!);
  await page.waitFor(() => page.text('.cart__total') === '¥1075.80');

  await page.tap(page.findAll('.cart-line__delete')[lineIndex('琯溪蜜柚')]!);
  await page.waitFor(() => page.texts('.cart-line__title').length === 2);

  const cart = await cartOf(shopper);
  expect(cart.shops.flatMap((shop) => shop.lines).map((line) => [line.skuId, line.quantity, line.selected]).sort()).toEqual([
    ['k-gift-500', 2, true],
    ['k-orange', 2, true],
  ]);

  await page.tap('.cart__checkout');
  expect(wx.getStorageSync('cloudmall.checkout-intent')).toEqual({
    items: expect.arrayContaining([
      { skuId: 'k-gift-500', quantity: 2 },
      { skuId: 'k-orange', quantity: 2 },
    ]),
    fromCart: true,
  });
});
