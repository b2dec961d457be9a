import { clearDevOverride, DEV_OVERRIDE_STORAGE_KEY, ENV, resolveEnv, saveDevOverride } from '../../miniprogram/config/env';

describe('resolveEnv', () => {
  it('is the committed config when nothing is overridden', () => {
    expect(resolveEnv()).toEqual(ENV);
  });

  it('applies the dev override from storage at once', () => {
    saveDevOverride({ devOpenid: 'dev-merchant-1' });
    saveDevOverride({ localBaseUrl: 'http://192.168.1.20:9000' });

    expect(resolveEnv()).toEqual({ ...ENV, devOpenid: 'dev-merchant-1', localBaseUrl: 'http://192.168.1.20:9000' });

    clearDevOverride();
    expect(resolveEnv()).toEqual(ENV);
  });

  it('ignores a malformed override', () => {
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 42, localBaseUrl: '' });

    expect(resolveEnv()).toEqual(ENV);
  });

  it('ignores the override in a release build', () => {
    saveDevOverride({ devOpenid: 'dev-admin-1' });
    const release = { miniProgram: { appId: 'wx123', envVersion: 'release', version: '1.0.0' } };
    jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue(release as WechatMiniprogram.AccountInfo);

    expect(resolveEnv()).toEqual(ENV);
  });
});
