import { DEV_OVERRIDE_STORAGE_KEY, ENV } from '../../miniprogram/config/env';
import { loadPage } from './support/load-page';

describe('me page', () => {
  it('shows the dev identity in local mode and opens the dev menu', async () => {
    const page = await loadPage('pages/me/index');

    expect(page.text('.me__name')).toBe('微信用户');
    expect(page.text('.me__dev-identity')).toContain('顾客（dev-shopper-1）');
    await page.tap('.me__dev-identity');

    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/dev/identity/index' });
  });

  it('shows the identity chosen in the dev menu when it comes back', async () => {
    const page = await loadPage('pages/me/index');

    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 'dev-merchant-1' });
    await page.lifecycle('onShow');

    expect(page.text('.me__dev-identity')).toContain('商家（dev-merchant-1）');
  });

  it('has no dev menu in cloud mode', async () => {
    const page = await loadPage('pages/me/index', { show: false });
    const env = page.moduleOf<{ ENV: { mode: string } }>('config/env').ENV;
    env.mode = 'cloud';
    try {
      await page.lifecycle('onShow');
      expect(page.exists('.me__dev')).toBe(false);
    } finally {
      env.mode = ENV.mode;
    }
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

    await page.tap(page.findAll('.dev-identity__options >>> .t-radio')[2]);

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
