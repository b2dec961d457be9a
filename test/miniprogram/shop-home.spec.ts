import type { ShopHome } from '../../miniprogram/services/contracts';
import { longjing, nuts, orange, searchPage1, searchPage2 } from './fixtures/catalog';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const SHOP_HOME = 'packages/goods/shop/index';
const header: ShopHome = { id: 'shop-tea', name: '杭州茗香茶庄', logoUrl: 'https://img.example.com/logo.png', description: '明前好茶，产地直发', announcement: '新茶上市，满99包邮', bannerUrl: 'https://img.example.com/banner.png', goodsCount: 3, sales: 12800 };

describe('shop home page', () => {
  it('shows the header and the shop\'s goods, pages on, sorts, and opens goods', async () => {
    const transport = stubTransport({ 'catalog.shop': ok(header), 'catalog.search': (data: { cursor?: string }) => ok(data.cursor ? searchPage2 : searchPage1) });
    const page = await loadPage(SHOP_HOME, { query: { shopId: 'shop-tea' }, transport });

    expect(page.text('.shop-home__name')).toBe('杭州茗香茶庄');
    expect(page.text('.shop-home__stats')).toBe('在售 3 件 · 已售 1.2万+');
    expect(page.text('.shop-home__notice-text')).toBe('新茶上市，满99包邮');
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '杭州茗香茶庄' });
    expect(transport.calls.find((c) => c.data.action === 'search')?.data).toEqual({ action: 'search', shopId: 'shop-tea', sort: 'default', pageSize: 20 });
    expect(page.texts('.goods-card__title')).toEqual([longjing.title, orange.title]);
    await page.lifecycle('onReachBottom');
    expect(page.texts('.goods-card__title')).toEqual([longjing.title, orange.title, nuts.title]);

    await page.tap(page.findAll('.shop-home__sort')[1]!);
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'search', shopId: 'shop-tea', sort: 'sales', pageSize: 20 });
    await page.tap(page.findAll('.shop-home__sort')[3]!);
    expect(transport.calls.at(-1)?.data).toMatchObject({ sort: 'price_asc' });
    await page.tap(page.findAll('.shop-home__sort')[3]!);
    expect(transport.calls.at(-1)?.data).toMatchObject({ sort: 'price_desc' });
    expect(page.text('.shop-home__sort--active')).toBe('价格↓');

    await page.tap(page.findAll('.goods-card')[0]!);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/goods/detail/index?goodsId=${longjing.id}` });
  });

  it('says when the shop has nothing on the shelf, and when it is closed', async () => {
    const empty = await loadPage(SHOP_HOME, { query: { shopId: 'shop-tea' }, transport: stubTransport({ 'catalog.shop': ok({ ...header, goodsCount: 0, announcement: '', bannerUrl: '' }), 'catalog.search': ok({ items: [], nextCursor: null }) }) });
    expect(empty.exists('.shop-home__banner--plain')).toBe(true);
    expect(empty.text('.page-empty')).toContain('店铺还没有上架商品');

    const closed = await loadPage(SHOP_HOME, { query: { shopId: 'shop-x' }, transport: stubTransport({ 'catalog.shop': fail('NOT_FOUND', '店铺已暂停营业') }) });
    expect(closed.text('.page-error')).toContain('店铺已暂停营业');
    expect(closed.exists('.shop-home__sorts')).toBe(false);
  });
});
