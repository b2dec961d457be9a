import { DEV_OVERRIDE_STORAGE_KEY, LOCAL_DEFAULTS as ENV } from '../../miniprogram/config/env';
import { profile } from './fixtures/user';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const ME = 'pages/me/index';

const meAnswers = (over: Record<string, unknown> = {}) =>
  stubTransport({
    'user.signIn': ok(profile),
    'order.counts': ok({ pending_payment: 2, paid: 0, shipped: 1 }),
    'coupon.counts': ok({ unused: 3 }),
    'merchant.myShops': ok({ platformAdmin: false, shops: [] }),
    ...over,
  });

describe('me page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('signs in and shows the profile, order counts and coupons', async () => {
    const signedIn = deferred<unknown>();
    const transport = meAnswers({ 'user.signIn': () => signedIn.promise });
    const page = await loadPage(ME, { transport });
    expect(page.exists('.page-loading')).toBe(true);

    signedIn.resolve(ok(profile));
    await page.settle();

    expect(transport.calls.map((call) => `${call.name}.${call.data.action}`).sort()).toEqual(['coupon.counts', 'merchant.myShops', 'order.counts', 'user.signIn']);
    expect(page.text('.me__name')).toBe('小林');
    expect(page.texts('.me__order-entry')).toEqual(['2待付款', '待发货', '1待收货', '已完成']);
    expect(page.text('.me__coupons')).toContain('3张可用');
  });

  it('opens orders by state, coupons, the coupon centre and addresses', async () => {
    const page = await loadPage(ME, { transport: meAnswers() });

    await page.tap(page.findAll('.me__order-entry')[2]!);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/order/list/index?status=shipped' });
    await page.tap('.me__all-orders');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/order/list/index?status=all' });
    await page.tap('.me__coupons');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/mine/index' });
    await page.tap('.me__coupon-center');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/center/index' });
    await page.tap('.me__addresses');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/user/addresses/index' });
    await page.tap('.me__aftersales');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/order/aftersale-list/index' });
    await page.tap('.me__favorites');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/user/favorites/index' });
    await page.tap('.me__history');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/user/history/index' });
  });

  describe('role entries', () => {
    const shop = { id: 'shop-fresh', name: '沪上鲜果铺', status: 'active', role: 'owner' };

    it('offers a plain shopper to open a shop', async () => {
      const page = await loadPage(ME, { transport: meAnswers() });
      expect(page.texts('.me__role')).toEqual(['申请开店免费入驻']);
      await page.tap('.me__role--apply');
      expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/apply/index' });
    });

    it('takes a shop owner or staff member to their first shop', async () => {
      const page = await loadPage(ME, { transport: meAnswers({ 'merchant.myShops': ok({ platformAdmin: false, shops: [shop, { ...shop, id: 'shop-2', name: '第二家', role: 'staff' }] }) }) });
      expect(page.texts('.me__role')).toEqual(['我的店铺沪上鲜果铺']);
      await page.tap('.me__role--shop');
      expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/overview/index?shopId=shop-fresh' });
    });

    it('takes a platform admin to the platform area (and to their shop when they have one)', async () => {
      const page = await loadPage(ME, { transport: meAnswers({ 'merchant.myShops': ok({ platformAdmin: true, shops: [] }) }) });
      expect(page.texts('.me__role')).toEqual(['平台管理']);
      await page.tap('.me__role--platform');
      expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/platform/home/index' });

      const both = await loadPage(ME, { transport: meAnswers({ 'merchant.myShops': ok({ platformAdmin: true, shops: [shop] }) }) });
      expect(both.texts('.me__role')).toEqual(['我的店铺沪上鲜果铺', '平台管理']);
    });

    it('neither waits for nor breaks on the roles call', async () => {
      const roles = deferred<unknown>();
      const page = await loadPage(ME, { transport: meAnswers({ 'merchant.myShops': () => roles.promise }) });
      // the profile and counts are on screen while the roles are still on their way
      expect(page.text('.me__name')).toBe('小林');
      expect(page.texts('.me__order-entry')).toEqual(['2待付款', '待发货', '1待收货', '已完成']);
      expect(page.exists('.me__roles')).toBe(false);
      roles.resolve(fail('INTERNAL', '服务开小差了，请稍后重试'));
      await page.settle();
      expect(page.exists('.page-error')).toBe(false);
      expect(page.texts('.me__role')).toEqual(['申请开店免费入驻']);
      expect(page.text('.me__name')).toBe('小林');
    });
  });

  it('calls a nameless shopper 微信用户 and shows no badges when the counts fail', async () => {
    const page = await loadPage(ME, { transport: meAnswers({ 'user.signIn': ok({ ...profile, nickname: '' }), 'order.counts': fail('INTERNAL', 'x'), 'coupon.counts': fail('INTERNAL', 'x') }) });

    expect(page.text('.me__name')).toBe('微信用户');
    expect(page.texts('.me__order-entry')).toEqual(['待付款', '待发货', '待收货', '已完成']);
    expect(page.text('.me__coupons')).toBe('我的优惠券');
  });

  it('shows the sign-in error with a retry, the entries still usable', async () => {
    const answers = [fail('NETWORK', '网络开小差了，请检查网络后重试'), ok(profile)];
    const page = await loadPage(ME, { transport: meAnswers({ 'user.signIn': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('网络开小差了');
    expect(page.findAll('.me__order-entry')).toHaveLength(4);
    await page.tap('.page-retry');
    expect(page.text('.me__name')).toBe('小林');
  });

  it('shows the dev identity in local mode and opens the dev menu', async () => {
    const page = await loadPage(ME, { transport: meAnswers() });

    expect(page.text('.me__dev-identity')).toContain('顾客（dev-shopper-1）');
    await page.tap('.me__dev-identity');

    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/dev/identity/index' });
  });

  it('shows the identity chosen in the dev menu when it comes back', async () => {
    const page = await loadPage(ME, { transport: meAnswers() });

    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 'dev-merchant-1' });
    await page.lifecycle('onShow');

    expect(page.text('.me__dev-identity')).toContain('商家（dev-merchant-1）');
  });

  it('has no dev menu in a release, whatever storage holds', async () => {
    const page = await loadPage(ME, { show: false, transport: meAnswers() });
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 'dev-admin-1', local: true });
    jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({ miniProgram: { appId: 'wx123', envVersion: 'release', version: '1.0.0' } } as WechatMiniprogram.AccountInfo);
    await page.lifecycle('onShow');
    expect(page.exists('.me__dev')).toBe(false);
  });

  it('has no dev menu in the develop version on a phone', async () => {
    const page = await loadPage(ME, { show: false, transport: meAnswers() });
    const real = wx.getSystemInfoSync();
    jest.spyOn(wx, 'getSystemInfoSync').mockReturnValue({ ...real, platform: 'android' } as WechatMiniprogram.SystemInfo);
    await page.lifecycle('onShow');
    expect(page.exists('.me__dev')).toBe(false);
  });
});

describe('dev identity page', () => {
  const DEV_MENU = 'packages/dev/identity/index';

  it('switches the identity the emulator sees', async () => {
    const page = await loadPage(DEV_MENU);

    expect(page.texts('.dev-identity__options >>> .t-radio__title')).toEqual([
      '顾客（dev-shopper-1）',
      '商家（dev-merchant-1）',
      '平台管理员（dev-admin-1）',
    ]);
    expect(page.data.devOpenid).toBe('dev-shopper-1');

    await page.tap(page.findAll('.dev-identity__options >>> .t-radio')[2]!);

    expect(wx.getStorageSync(DEV_OVERRIDE_STORAGE_KEY)).toEqual({ devOpenid: 'dev-admin-1' });
    expect(page.data.devOpenid).toBe('dev-admin-1');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '身份已切换', icon: 'success' });
  });

  it('goes back to the committed defaults', async () => {
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 'dev-merchant-1' });
    const page = await loadPage(DEV_MENU);
    expect(page.data.devOpenid).toBe('dev-merchant-1');

    await page.tap('.dev-identity__reset');

    expect(wx.getStorageSync(DEV_OVERRIDE_STORAGE_KEY)).toBe('');
    expect(page.data.devOpenid).toBe(ENV.devOpenid);
    expect(page.text('.dev-identity__gateway')).toContain(ENV.localBaseUrl);
  });
});
