import { myShops, overview } from './fixtures/shop';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

/** A call's payload as the stub sees it. */
type Data = Record<string, any>;
const PAGE = 'packages/shop/overview/index';

describe('shop overview page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the figures, the shop switcher and the entries, each with the shop id', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'merchant.myShops': ok(myShops), 'shop.overview': (d: Data) => (d.shopId === 'shop-1' ? answer.promise : ok({ ...overview, shop: { ...overview.shop, id: 'shop-2', name: '城南文具' }, role: 'staff', toShip: 0 })) });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok(overview));
    await page.settle();

    expect(page.text('.overview__name')).toBe('山野茶铺');
    expect(page.text('.overview__role')).toBe('店主');
    expect(page.texts('.overview__card-value')).toEqual(['12', '¥3456.00', '3', '1', '0']);
    expect(page.texts('.overview__card-label')).toEqual(['今日订单', '今日成交', '待发货', '待处理售后', '库存预警']);
    expect(page.findAll('.overview__card--warn')).toHaveLength(2);
    expect(page.exists('.overview__suspended')).toBe(false);
    expect(page.texts('.overview__shop')).toEqual(['山野茶铺', '城南文具']);

    await page.tap('.overview__entry--goods');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/goods/index?shopId=shop-1' });
    for (const [entry, path] of [['orders', 'orders'], ['aftersales', 'aftersales'], ['finance', 'finance'], ['reviews', 'reviews'], ['settings', 'settings'], ['staff', 'staff']]) {
      await page.tap(`.overview__entry--${entry}`);
      expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/shop/${path}/index?shopId=shop-1` });
    }
    await page.tap('.overview__card--toShip');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/orders/index?shopId=shop-1' });

    await page.tap(page.findAll('.overview__shop')[1]!);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'overview', shopId: 'shop-2' });
    expect(page.text('.overview__name')).toBe('城南文具');
    expect(page.text('.overview__role')).toBe('店员');
  });

  it('opens the first shop when none is named, and shows a suspended shop’s notice', async () => {
    const transport = stubTransport({ 'merchant.myShops': ok({ platformAdmin: false, shops: [myShops.shops[0]] }), 'shop.overview': ok({ ...overview, shop: { ...overview.shop, status: 'suspended' } }) });
    const page = await loadPage(PAGE, { transport });
    expect(transport.calls[1]!.data).toEqual({ action: 'overview', shopId: 'shop-1' });
    expect(page.text('.overview__suspended')).toContain('暂停营业');
    expect(page.exists('.overview__shops')).toBe(false);
  });

  it('offers to apply when the user has no shop', async () => {
    const page = await loadPage(PAGE, { transport: stubTransport({ 'merchant.myShops': ok({ platformAdmin: false, shops: [] }) }) });
    expect(page.text('.page-empty')).toContain('你还没有店铺');
    await page.tap('.page-empty-action');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/apply/index' });
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('FORBIDDEN', '无权管理该店铺'), ok(overview)];
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'merchant.myShops': ok(myShops), 'shop.overview': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('无权管理该店铺');
    await page.tap('.page-retry');
    expect(page.text('.overview__name')).toBe('山野茶铺');

    // a failed pull-down refresh keeps the figures and says why
    answers.push(fail('NETWORK', '网络开小差了'));
    await page.lifecycle('onPullDownRefresh');
    expect(page.text('.overview__name')).toBe('山野茶铺');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '网络开小差了', icon: 'none' });
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });
});
