/**
 * config/env.ts: local mode (the emulator, a made-up identity) only in DevTools' develop version or
 * where a developer switched it on in the develop version; everywhere else cloud mode, and the local
 * transport itself refuses to run.
 */
import { CLOUD_ENV_ID } from '../../miniprogram/config/cloud-env';
import { clearDevOverride, DEV_OVERRIDE_STORAGE_KEY, LOCAL_DEFAULTS, localModeAllowed, resolveEnv, saveDevOverride } from '../../miniprogram/config/env';
import { callFunction, setTransport } from '../../miniprogram/services/cloud';
import { FUNCTIONS, ACTIONS } from '../../miniprogram/services/contracts';
import { localGatewayTransport } from '../../miniprogram/local/gateway-transport';
import { uploadImage, uploadPrivateImage } from '../../miniprogram/services/upload';

const LOCAL = { mode: 'local', cloudEnvId: '', ...LOCAL_DEFAULTS };
const CLOUD = { mode: 'cloud', cloudEnvId: '', ...LOCAL_DEFAULTS };

function asVersion(envVersion: 'develop' | 'trial' | 'release') {
  jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({ miniProgram: { appId: 'wx123', envVersion, version: '1.0.0' } } as WechatMiniprogram.AccountInfo);
}

function onPlatform(platform: string) {
  const real = wx.getSystemInfoSync();
  jest.spyOn(wx, 'getSystemInfoSync').mockReturnValue({ ...real, platform } as WechatMiniprogram.SystemInfo);
}

afterEach(() => setTransport(null));

it('the committed cloud env id is empty (npm run deploy writes it)', () => {
  expect(CLOUD_ENV_ID).toBe('');
});

describe('in DevTools (the develop version in the simulator)', () => {
  it('is local mode with the committed defaults when nothing is overridden', () => {
    expect(localModeAllowed()).toBe(true);
    expect(resolveEnv()).toEqual(LOCAL);
  });

  it('applies the dev override from storage at once', () => {
    saveDevOverride({ devOpenid: 'dev-merchant-1' });
    saveDevOverride({ localBaseUrl: 'http://192.168.1.20:9000' });

    expect(resolveEnv()).toEqual({ ...LOCAL, devOpenid: 'dev-merchant-1', localBaseUrl: 'http://192.168.1.20:9000' });

    clearDevOverride();
    expect(resolveEnv()).toEqual(LOCAL);
  });

  it('ignores a malformed override', () => {
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 42, localBaseUrl: '', local: 'yes' });

    expect(resolveEnv()).toEqual(LOCAL);
  });
});

describe.each([
  ['a release', () => asVersion('release')],
  ['a trial version', () => asVersion('trial')],
  ['the develop version on a phone (no developer switch)', () => onPlatform('ios')],
  ['the develop version on Android (no developer switch)', () => onPlatform('android')],
])('in %s', (_name, pretend) => {
  beforeEach(() => {
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: 'dev-admin-1', localBaseUrl: 'http://10.0.0.5:9000' });
    pretend();
  });

  it('is cloud mode whatever storage holds', () => {
    expect(localModeAllowed()).toBe(false);
    expect(resolveEnv()).toEqual(CLOUD);
  });

  it('sends calls with wx.cloud.callFunction, never to the emulator', async () => {
    (wx.cloud.callFunction as unknown as jest.Mock).mockResolvedValueOnce({ result: { ok: true, data: { banners: [] } }, errMsg: 'cloud.callFunction:ok' });

    await expect(callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {})).resolves.toEqual({ ok: true, data: { banners: [] } });
    expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'catalog', data: { action: 'home' } });
    expect(wx.request).not.toHaveBeenCalled();
  });

  it('has a local transport that refuses to run, even when called directly', async () => {
    setTransport(localGatewayTransport({ localBaseUrl: 'http://10.0.0.5:9000', devOpenid: 'dev-admin-1' }));

    await expect(callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {})).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(wx.request).not.toHaveBeenCalled();
  });

  it('uploads with wx.cloud.uploadFile, never to the emulator', async () => {
    const uploadFile = jest.fn().mockResolvedValue({ fileID: 'cloud://env-1.bucket/reviews/a.jpg' });
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = uploadFile;
    const uploadToEmulator = jest.spyOn(wx, 'uploadFile');

    await expect(uploadImage('wxfile://tmp/a.jpg', 'reviews')).resolves.toEqual({ ok: true, data: 'cloud://env-1.bucket/reviews/a.jpg' });
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/a.jpg' }));
    expect(uploadToEmulator).not.toHaveBeenCalled();
  });
});

describe('private uploads (licences, after-sale photos)', () => {
  it("go into the caller's own private folder: the signed-in OPENID in the cloud", async () => {
    asVersion('release');
    setTransport(async (request) => (request.name === 'user' && request.data.action === 'signIn' ? { ok: true, data: { openid: 'o-real-1', nickname: '', avatarUrl: '', createdAt: 0 } } : { ok: false, error: { code: 'INTERNAL', message: '' } }));
    const uploadFile = jest.fn().mockResolvedValue({ fileID: 'cloud://env-1.bucket/private/licence/o-real-1/a.jpg' });
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = uploadFile;

    await expect(uploadPrivateImage('wxfile://tmp/a.jpg', 'licence')).resolves.toEqual({ ok: true, data: 'cloud://env-1.bucket/private/licence/o-real-1/a.jpg' });
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ cloudPath: expect.stringMatching(/^private\/licence\/o-real-1\/[^/]+\.jpg$/) }));
  });

  it('go into the dev identity\'s folder in local mode', async () => {
    saveDevOverride({ devOpenid: 'dev-merchant-1' });
    const upload = jest.fn((o: WechatMiniprogram.UploadFileOption) => o.success?.({ statusCode: 200, data: JSON.stringify({ fileID: `cloud://local-env.b/${String(o.formData?.cloudPath)}` }), errMsg: 'uploadFile:ok' } as never));
    (wx as unknown as { uploadFile: unknown }).uploadFile = upload;

    const result = await uploadPrivateImage('wxfile://tmp/b.png', 'aftersale');

    expect(result.ok).toBe(true);
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ formData: { cloudPath: expect.stringMatching(/^private\/aftersale\/dev-merchant-1\/[^/]+\.png$/) } }));
  });
});

describe('the developer switch', () => {
  it('turns local mode on for the develop version on a phone', () => {
    onPlatform('ios');
    saveDevOverride({ local: true, localBaseUrl: 'http://192.168.1.20:9000' });

    expect(localModeAllowed()).toBe(true);
    expect(resolveEnv()).toEqual({ ...LOCAL, localBaseUrl: 'http://192.168.1.20:9000' });
  });

  it('counts for nothing in a release, and cannot be stored there', () => {
    wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { local: true });
    asVersion('release');

    expect(localModeAllowed()).toBe(false);
    expect(resolveEnv().mode).toBe('cloud');
    wx.removeStorageSync(DEV_OVERRIDE_STORAGE_KEY);
    saveDevOverride({ local: true });
    expect(wx.getStorageSync(DEV_OVERRIDE_STORAGE_KEY)).toBe('');
  });
});
