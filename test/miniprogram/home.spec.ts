import { ACTIONS, FUNCTIONS, type HomeFeed, type Result } from '../../miniprogram/services/contracts';
import { emptyHomeFeed, homeFeed } from './fixtures/catalog';
import { loadPage } from './support/load-page';
import { deferred, fail, networkDown, ok, stubTransport } from './support/stub-transport';

const HOME = 'pages/home/index';
const HOME_FEED = `${FUNCTIONS.catalog}.${ACTIONS.catalog.home}`;

describe('home page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows a loading state until the feed arrives, then banners, categories, hot and recommended goods', async () => {
    const answer = deferred<Result<HomeFeed>>();
    const transport = stubTransport({ [HOME_FEED]: () => answer.promise });

    const page = await loadPage(HOME, { transport });

    expect(page.text('.page-loading')).toContain('加载中');
    expect(page.exists('.goods-card')).toBe(false);

    answer.resolve(ok(homeFeed));
    await page.settle();

    expect(page.exists('.page-loading')).toBe(false);
    expect(transport.calls).toEqual([{ name: 'catalog', data: { action: 'home' } }]);
    expect(page.findAll('.home__banners >>> .t-swiper__item')).toHaveLength(3);
    expect(page.texts('.home__category')).toEqual(['茶饮冲调', '新鲜水果', '休闲零食', '居家日用']);
    expect(page.texts('.home__hot .goods-card__title')).toEqual(['赣南脐橙 5kg 当季现摘']);
    expect(page.texts('.home__recommended .goods-card__title')).toEqual(['西湖龙井 明前特级 250g 礼盒装', '赣南脐橙 5kg 当季现摘', '每日坚果 30 袋装']);
    expect(page.texts('.home__recommended .goods-card__price')).toEqual(['¥268.00', '¥39.90', '¥0.05']);
    // Only a higher original price is shown, crossed out.
    expect(page.texts('.home__recommended .goods-card__original')).toEqual(['¥328.00']);
    expect(page.texts('.home__recommended .goods-card__sales')).toEqual(['已售1523', '已售2.8万+']);
    expect(page.text('.home__recommended .goods-card__sold-out')).toBe('已售罄');
  });

  it('opens search, goods, banner targets and the category tab', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: ok(homeFeed) }) });

    await page.tap('.home__search');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/search/index' });

    await page.tap(page.findAll('.home__recommended .goods-card')[1]);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/detail/index?goodsId=gds-orange-5kg' });

    const slides = page.findAll('.home__banners >>> .t-swiper__item');
    await page.tap(slides[1]);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/search/index?categoryId=cat-fruit' });
    await page.tap(slides[0]);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/detail/index?goodsId=gds-longjing-250' });
    await page.tap(slides[2]);
    expect(wx.navigateTo).toHaveBeenCalledTimes(4);

    await page.tap('.home__category');
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
  });

  it('shows the empty state when the mall has nothing to show', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: ok(emptyHomeFeed) }) });

    expect(page.text('.page-empty')).toBe('商城还没有上架的商品，晚点再来看看吧');
    expect(page.exists('.goods-card')).toBe(false);
    expect(page.exists('.page-retry')).toBe(false);
  });

  it('shows the server message on a business error and reloads on retry', async () => {
    const answers = [fail('INTERNAL', '商品服务维护中，请稍后再试'), ok(homeFeed)];
    const transport = stubTransport({ [HOME_FEED]: () => answers.shift() });

    const page = await loadPage(HOME, { transport });

    expect(page.text('.page-error >>> .t-empty__description')).toBe('商品服务维护中，请稍后再试');
    expect(page.text('.page-retry')).toBe('重新加载');

    await page.tap('.page-retry');

    expect(transport.calls).toHaveLength(2);
    expect(page.exists('.page-error')).toBe(false);
    expect(page.findAll('.home__recommended .goods-card')).toHaveLength(3);
  });

  it('shows a network error when the call never reaches the function', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: networkDown }) });

    expect(page.text('.page-error >>> .t-empty__description')).toBe('网络开小差了，请检查网络后重试');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('catalog.home failed (NETWORK)'), expect.anything());
  });

  it('keeps the feed on screen while a pull-down refresh reloads it, and keeps it when the refresh fails', async () => {
    const refreshed = deferred<Result<HomeFeed>>();
    const answers: Array<Result<HomeFeed> | Promise<Result<HomeFeed>>> = [ok(homeFeed), refreshed.promise, fail('INTERNAL', '刷新失败')];
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: () => answers.shift() }) });

    await page.lifecycle('onPullDownRefresh');
    expect(page.exists('.page-loading')).toBe(false);
    expect(page.findAll('.home__recommended .goods-card')).toHaveLength(3);

    refreshed.resolve(ok({ ...homeFeed, recommended: homeFeed.recommended.slice(0, 1) }));
    await page.settle();

    expect(page.findAll('.home__recommended .goods-card')).toHaveLength(1);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();

    await page.lifecycle('onPullDownRefresh');
    expect(page.findAll('.home__recommended .goods-card')).toHaveLength(1);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '刷新失败', icon: 'none' });
  });
});
