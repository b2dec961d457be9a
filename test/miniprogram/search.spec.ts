import type { GoodsCard, Page, Result } from '../../miniprogram/services/contracts';
import { searchPage1, searchPage2 } from './fixtures/catalog';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const SEARCH = 'packages/goods/search/index';

const searchCalls = (transport: ReturnType<typeof stubTransport>) => transport.calls.map((call) => call.data);

describe('search page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('searches the category it was opened on, titled with its name, and loads more on reaching the bottom', async () => {
    const pages = [ok(searchPage1), ok(searchPage2)];
    const transport = stubTransport({ 'catalog.search': () => pages.shift() });
    const page = await loadPage(SEARCH, { query: { categoryId: 'cat-tea', title: encodeURIComponent('茶饮冲调') }, transport });

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '茶饮冲调' });
    expect(page.texts('.goods-card__title')).toEqual(['西湖龙井 明前特级 250g 礼盒装', '赣南脐橙 5kg 当季现摘']);
    expect(page.exists('.list-footer__end')).toBe(false);

    await page.lifecycle('onReachBottom');

    expect(searchCalls(transport)).toEqual([
      { action: 'search', pageSize: 20, sort: 'default', categoryId: 'cat-tea' },
      { action: 'search', pageSize: 20, sort: 'default', categoryId: 'cat-tea', cursor: 'cursor-2' },
    ]);
    expect(page.texts('.goods-card__title')).toHaveLength(3);
    expect(page.text('.list-footer__end')).toBe('没有更多了');

    await page.lifecycle('onReachBottom');
    expect(transport.calls).toHaveLength(2);
  });

  it('shows loading more, and a retry when the next page fails', async () => {
    const next = deferred<Result<Page<GoodsCard>>>();
    const answers: unknown[] = [ok(searchPage1), fail('INTERNAL', '失败'), next.promise];
    const page = await loadPage(SEARCH, { query: { keyword: '茶' }, transport: stubTransport({ 'catalog.search': () => answers.shift() }) });

    await page.lifecycle('onReachBottom');
    expect(page.text('.list-footer__retry')).toBe('加载失败，点击重试');

    await page.tap('.list-footer__retry');
    expect(page.text('.list-footer__loading')).toContain('加载中');
    next.resolve(ok(searchPage2));
    await page.settle();
    expect(page.findAll('.goods-card')).toHaveLength(3);
  });

  it('searches a keyword, sorts by sales, price up and down, newest', async () => {
    const transport = stubTransport({ 'catalog.search': ok(searchPage1) });
    const page = await loadPage(SEARCH, { transport });
    expect(page.data.focusSearch).toBe(true);

    await page.trigger('.search__input', 'submit', { value: '龙井' });
    const sorts = page.findAll('.search__sort');
    await page.tap(sorts[1]!);
    await page.tap(sorts[2]!);
    await page.tap(sorts[2]!);
    await page.tap(sorts[3]!);
    await page.tap(sorts[3]!);

    expect(searchCalls(transport).map((call) => [call.keyword, call.sort])).toEqual([
      [undefined, 'default'],
      ['龙井', 'default'],
      ['龙井', 'sales'],
      ['龙井', 'price_asc'],
      ['龙井', 'price_desc'],
      ['龙井', 'newest'],
    ]);
    expect(page.text('.search__sort--active')).toBe('新品');
  });

  it('filters by a price range typed in yuan, sent in fen', async () => {
    const transport = stubTransport({ 'catalog.search': ok(searchPage1) });
    const page = await loadPage(SEARCH, { query: { keyword: encodeURIComponent('茶') }, transport });

    await page.tap('.search__filter');
    expect(page.data.filterVisible).toBe(true);
    await page.trigger('.filter__min', 'change', { value: '100' });
    await page.trigger('.filter__max', 'change', { value: '20.5' });
    await page.tap('.filter__confirm');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '最低价不能高于最高价', icon: 'none' });

    await page.trigger('.filter__max', 'change', { value: '1.2.3' });
    await page.tap('.filter__confirm');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请输入正确的价格，最多两位小数', icon: 'none' });

    await page.trigger('.filter__max', 'change', { value: '300.5' });
    await page.tap('.filter__confirm');

    expect(page.data.filterVisible).toBe(false);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'search', pageSize: 20, sort: 'default', keyword: '茶', minPriceFen: 10000, maxPriceFen: 30050 });
    expect(page.text('.search__range')).toBe('价格：¥100.00 - ¥300.50');
  });

  it('opens the goods tapped', async () => {
    const page = await loadPage(SEARCH, { query: { keyword: '茶' }, transport: stubTransport({ 'catalog.search': ok(searchPage1) }) });

    await page.tap(page.findAll('.goods-card')[0]!);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/goods/detail/index?goodsId=gds-longjing-250' });
  });

  it('refreshes on pull-down, keeping the results on screen', async () => {
    const refreshed = deferred<Result<Page<GoodsCard>>>();
    const answers: unknown[] = [ok(searchPage1), refreshed.promise];
    const page = await loadPage(SEARCH, { query: { keyword: '茶' }, transport: stubTransport({ 'catalog.search': () => answers.shift() }) });

    await page.lifecycle('onPullDownRefresh');
    expect(page.findAll('.goods-card')).toHaveLength(2);
    refreshed.resolve(ok(searchPage2));
    await page.settle();
    expect(page.findAll('.goods-card')).toHaveLength(1);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('says so when nothing matches', async () => {
    const page = await loadPage(SEARCH, { query: { keyword: 'xyz' }, transport: stubTransport({ 'catalog.search': ok({ items: [], nextCursor: null }) }) });

    expect(page.text('.page-empty')).toBe('没有找到相关商品，换个词试试');
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '搜索服务繁忙'), ok(searchPage1)];
    const page = await loadPage(SEARCH, { query: { keyword: '茶' }, transport: stubTransport({ 'catalog.search': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('搜索服务繁忙');
    await page.tap('.page-retry');
    expect(page.findAll('.goods-card')).toHaveLength(2);
  });
});
