import { fruitShopCoupon, platformCoupon, teaShopCoupon } from './fixtures/coupon';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const MINE = 'packages/coupon/mine/index';

describe('my coupons page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows unused coupons first, with a way to use each', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'coupon.mine': () => answer.promise });
    const page = await loadPage(MINE, { transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok({ items: [platformCoupon, teaShopCoupon, { ...teaShopCoupon, id: 'uc-locked', status: 'locked' }], nextCursor: null }));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'mine', status: 'unused', pageSize: 20 });
    expect(page.texts('.my-coupons__tabs >>> .t-tabs__item')).toEqual(['未使用', '已使用', '已过期']);
    expect(page.texts('.coupon-ticket__title')).toEqual(['全场满100减20', '茗香茶庄 8.5 折', '茗香茶庄 8.5 折']);
    expect(page.findAll('.my-coupon__use')).toHaveLength(2);
    expect(page.text('.my-coupon__tag')).toBe('使用中');

    await page.tap(page.findAll('.my-coupon__use')[1]!);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/goods/search/index?shopId=shop-mingxiang' });
    await page.tap(page.findAll('.my-coupon__use')[0]!);
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('switches to used and expired coupons', async () => {
    const transport = stubTransport({ 'coupon.mine': (data: { status: string }) => ok({ items: data.status === 'used' ? [fruitShopCoupon] : [], nextCursor: null }) });
    const page = await loadPage(MINE, { transport });

    await page.tap(page.findAll('.my-coupons__tabs >>> .t-tabs__item')[1]!);
    expect(page.text('.my-coupon__tag')).toBe('已使用');
    expect(page.exists('.my-coupon__use')).toBe(false);

    await page.tap(page.findAll('.my-coupons__tabs >>> .t-tabs__item')[2]!);
    expect(transport.calls.map((call) => call.data.status)).toEqual(['unused', 'used', 'expired']);
    expect(page.text('.page-empty')).toContain('没有过期的优惠券');
  });

  it('offers the coupon centre when there is none', async () => {
    const page = await loadPage(MINE, { transport: stubTransport({ 'coupon.mine': ok({ items: [], nextCursor: null }) }) });

    expect(page.text('.page-empty')).toContain('没有可用的优惠券');
    await page.tap('.page-empty-action');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupon/center/index' });
  });

  it('pages and refreshes', async () => {
    const answers = [ok({ items: [platformCoupon], nextCursor: 'c2' }), ok({ items: [teaShopCoupon], nextCursor: null }), ok({ items: [teaShopCoupon], nextCursor: null })];
    const page = await loadPage(MINE, { transport: stubTransport({ 'coupon.mine': () => answers.shift() }) });

    await page.lifecycle('onReachBottom');
    expect(page.findAll('.my-coupon')).toHaveLength(2);
    await page.lifecycle('onPullDownRefresh');
    expect(page.findAll('.my-coupon')).toHaveLength(1);
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '优惠券加载失败'), ok({ items: [platformCoupon], nextCursor: null })];
    const page = await loadPage(MINE, { transport: stubTransport({ 'coupon.mine': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('优惠券加载失败');
    await page.tap('.page-retry');
    expect(page.findAll('.my-coupon')).toHaveLength(1);
  });
});
