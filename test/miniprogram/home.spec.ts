import { CATALOG_ACTIONS, FUNCTIONS, type HomeFeed, type Result } from '../../miniprogram/services/contracts';
import { emptyHomeFeed, homeFeed } from './fixtures/catalog';
import { loadPage } from './support/load-page';
import { deferred, fail, networkDown, ok, stubTransport } from './support/stub-transport';

const HOME = 'pages/home/index';
const HOME_FEED = `${FUNCTIONS.catalog}.${CATALOG_ACTIONS.home}`;

describe('home page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows a loading state until the feed arrives, then banners, categories and goods', async () => {
    const answer = deferred<Result<HomeFeed>>();
    const transport = stubTransport({ [HOME_FEED]: () => answer.promise });

    const page = await loadPage(HOME, { transport });

    expect(page.exists('.home__loading')).toBe(true);
    expect(page.text('.home__loading')).toContain('加载中');
    expect(page.exists('.goods-card')).toBe(false);

    answer.resolve(ok(homeFeed));
    await page.settle();

    expect(page.exists('.home__loading')).toBe(false);
    expect(transport.calls).toEqual([{ name: 'catalog', data: { action: 'home' } }]);
    expect(page.data.bannerSlides).toEqual([
      { value: homeFeed.banners[0].imageUrl, ariaLabel: '明前龙井 新茶上市' },
      { value: homeFeed.banners[1].imageUrl, ariaLabel: '产地直发 水果周' },
    ]);
    expect(page.findAll('.home__banners >>> .t-swiper__item')).toHaveLength(2);
    expect(page.texts('.home__category')).toEqual([
      '茶饮冲调',
      '新鲜水果',
      '休闲零食',
      '居家日用',
    ]);

    const cards = page.findAll('.goods-card');
    expect(cards).toHaveLength(3);
    expect(page.texts('.goods-card__title')).toEqual([
      '西湖龙井 明前特级 250g 礼盒装',
      '赣南脐橙 5kg 当季现摘',
      '每日坚果 30 袋装',
    ]);
    expect(page.texts('.goods-card__price')).toEqual(['¥268.00', '¥39.90', '¥0.05']);
    // Only a higher original price is shown, crossed out.
    expect(page.texts('.goods-card__original')).toEqual(['¥328.00']);
    expect(page.text('.goods-card__shop')).toBe('杭州茗香茶庄');
  });

  it('opens the category tab on the tapped category', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: ok(homeFeed) }) });

    await page.tap('.home__category');

    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
  });

  it('shows the empty state when the mall has nothing to show', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: ok(emptyHomeFeed) }) });

    expect(page.text('.home__empty')).toBe('商城还没有上架的商品，晚点再来看看吧');
    expect(page.exists('.goods-card')).toBe(false);
    expect(page.exists('.home__retry')).toBe(false);
  });

  it('shows the server message on a business error and reloads on retry', async () => {
    const answers = [fail('INTERNAL', '商品服务维护中，请稍后再试'), ok(homeFeed)];
    const transport = stubTransport({ [HOME_FEED]: () => answers.shift() });

    const page = await loadPage(HOME, { transport });

    expect(page.text('.home__error >>> .t-empty__description')).toBe('商品服务维护中，请稍后再试');
    expect(page.text('.home__retry')).toBe('重新加载');

    await page.tap('.home__retry');

    expect(transport.calls).toHaveLength(2);
    expect(page.exists('.home__error')).toBe(false);
    expect(page.findAll('.goods-card')).toHaveLength(3);
  });

  it('shows a network error when the call never reaches the function', async () => {
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: networkDown }) });

    expect(page.text('.home__error >>> .t-empty__description')).toBe('网络开小差了，请检查网络后重试');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('catalog.home failed (NETWORK)'), expect.anything());
  });

  it('keeps the feed on screen while a pull-down refresh reloads it', async () => {
    const refreshed = deferred<Result<HomeFeed>>();
    const answers: Array<Result<HomeFeed> | Promise<Result<HomeFeed>>> = [ok(homeFeed), refreshed.promise];
    const page = await loadPage(HOME, { transport: stubTransport({ [HOME_FEED]: () => answers.shift() }) });

    await page.lifecycle('onPullDownRefresh');
    expect(page.exists('.home__loading')).toBe(false);
    expect(page.findAll('.goods-card')).toHaveLength(3);

    refreshed.resolve(ok({ ...homeFeed, goods: homeFeed.goods.slice(0, 1) }));
    await page.settle();

    expect(page.findAll('.goods-card')).toHaveLength(1);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });
});
