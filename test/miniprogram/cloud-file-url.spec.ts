import { LOCAL_DEFAULTS as ENV } from '../../miniprogram/config/env';
import { callFunction, setTransport } from '../../miniprogram/services/cloud';
import { localFileUrl, rewriteCloudFileIds } from '../../miniprogram/services/cloud-file-url';
import { ACTIONS, FUNCTIONS } from '../../miniprogram/services/contracts';
import { homeFeed } from './fixtures/catalog';
import { ok } from './support/stub-transport';

const BASE = 'http://127.0.0.1:9000';
const BUCKET = '6c6f-local-env-1250000000';
const fileId = (path: string) => `cloud://local-env.${BUCKET}/${path}`;

describe('localFileUrl', () => {
  it('maps a file id to the emulator storage URL', () => {
    expect(localFileUrl(fileId('goods/g1/cover.png'), BASE)).toBe(`${BASE}/storage/${BUCKET}/goods/g1/cover.png`);
  });

  it('percent-encodes each path segment and ignores a trailing slash on the base', () => {
    expect(localFileUrl(fileId('商品/封面 1#.png'), `${BASE}/`)).toBe(`${BASE}/storage/${BUCKET}/${encodeURIComponent('商品')}/${encodeURIComponent('封面 1#.png')}`);
  });

  it.each(['https://cdn.example.com/a.png', 'cloud://no-bucket', 'cloud://env.bucket/', ''])('leaves %p alone', (value) => {
    expect(localFileUrl(value, BASE)).toBeNull();
  });
});

describe('rewriteCloudFileIds', () => {
  it('rewrites file ids at any depth of objects and arrays, and nothing else', () => {
    const result = {
      banners: [{ id: 'b1', imageUrl: fileId('banners/b1.jpg'), title: 'cloud:// 不是文件' }],
      goods: { images: [fileId('goods/1.png'), 'https://cdn.example.com/2.png'], priceFen: 100, onShelf: true, note: null },
    };

    expect(rewriteCloudFileIds(result, BASE)).toEqual({
      banners: [{ id: 'b1', imageUrl: `${BASE}/storage/${BUCKET}/banners/b1.jpg`, title: 'cloud:// 不是文件' }],
      goods: { images: [`${BASE}/storage/${BUCKET}/goods/1.png`, 'https://cdn.example.com/2.png'], priceFen: 100, onShelf: true, note: null },
    });
    // The input is not changed.
    expect(result.banners[0]!.imageUrl).toBe(fileId('banners/b1.jpg'));
  });

  it('returns the same object when there is nothing to rewrite', () => {
    const result = { ok: true, data: { items: [{ coverUrl: 'https://cdn.example.com/a.png' }] } };
    expect(rewriteCloudFileIds(result, BASE)).toBe(result);
  });
});

describe('the local gateway transport', () => {
  afterEach(() => setTransport(null));

  it('hands pages emulator URLs instead of file ids', async () => {
    const feed = { ...homeFeed, banners: [{ ...homeFeed.banners[0]!, imageUrl: fileId('banners/spring.jpg') }] };
    (wx.request as unknown as jest.Mock).mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
      options.success?.({ statusCode: 200, data: { result: ok(feed), requestID: 'r1', errMsg: 'cloud.callFunction:ok' } } as never);
    });

    const result = await callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {});

    expect(result.ok && result.data.banners[0]!.imageUrl).toBe(`${ENV.localBaseUrl}/storage/${BUCKET}/banners/spring.jpg`);
  });

  it('sends the file ids back when a page returns the URLs it was given (editing a banner)', async () => {
    const banner = { id: 'b1', imageUrl: fileId('banners/summer.jpg'), link: { type: 'none' } };
    const request = wx.request as unknown as jest.Mock;
    request.mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
      options.success?.({ statusCode: 200, data: { result: ok({ items: [banner] }), requestID: 'r1', errMsg: 'cloud.callFunction:ok' } } as never);
    });
    const listed = await callFunction(FUNCTIONS.platform, ACTIONS.platform.listBanners, {});
    const shown = listed.ok ? (listed.data as unknown as { items: Array<typeof banner> }).items[0]! : banner;
    expect(shown.imageUrl).toBe(`${ENV.localBaseUrl}/storage/${BUCKET}/banners/summer.jpg`);

    request.mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
      options.success?.({ statusCode: 200, data: { result: ok({}), requestID: 'r2', errMsg: 'cloud.callFunction:ok' } } as never);
    });
    await callFunction(FUNCTIONS.platform, ACTIONS.platform.saveBanner, { ...shown, extra: ['https://example.com/a.png', shown.imageUrl] } as never);
    const sent = request.mock.calls[request.mock.calls.length - 1]![0].data;
    expect(sent).toMatchObject({ imageUrl: fileId('banners/summer.jpg'), extra: ['https://example.com/a.png', fileId('banners/summer.jpg')] });
  });

  it('leaves file ids alone in cloud mode, where <image> renders them', async () => {
    // cloud mode: a release build
    jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({ miniProgram: { appId: 'wx123', envVersion: 'release', version: '1.0.0' } } as WechatMiniprogram.AccountInfo);
    {
      const feed = { ...homeFeed, banners: [{ ...homeFeed.banners[0]!, imageUrl: fileId('banners/spring.jpg') }] };
      (wx.cloud.callFunction as unknown as jest.Mock).mockResolvedValueOnce({ result: ok(feed), errMsg: 'cloud.callFunction:ok' });

      const result = await callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {});

      expect(result.ok && result.data.banners[0]!.imageUrl).toBe(fileId('banners/spring.jpg'));
    }
  });
});
