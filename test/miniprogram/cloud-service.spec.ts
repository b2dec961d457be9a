import { LOCAL_DEFAULTS as ENV } from '../../miniprogram/config/env';
import { callFunction, setTransport } from '../../miniprogram/services/cloud';
import { ACTIONS, FUNCTIONS } from '../../miniprogram/services/contracts';
import { TransportError } from '../../miniprogram/services/transport';
import { homeFeed } from './fixtures/catalog';
import { fail, ok, stubTransport } from './support/stub-transport';

const callHome = () => callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {});

describe('callFunction', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => setTransport(null));

  it('sends the action inside the event and returns the envelope as it came', async () => {
    const transport = stubTransport({ 'catalog.home': ok(homeFeed) });
    setTransport(transport);

    await expect(callHome()).resolves.toEqual({ ok: true, data: homeFeed });
    expect(transport.calls).toEqual([{ name: 'catalog', data: { action: 'home' } }]);
  });

  it('returns business failures as values', async () => {
    setTransport(stubTransport({ 'catalog.home': fail('FORBIDDEN', '无权访问') }));

    await expect(callHome()).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '无权访问' } });
  });

  it.each([
    ['NETWORK' as const, '网络开小差了，请检查网络后重试'],
    ['FUNCTION_FAILED' as const, '服务暂时不可用，请稍后重试'],
  ])('maps a %s transport failure to an envelope', async (code, message) => {
    setTransport(async () => {
      throw new TransportError(code, 'detail for the log');
    });

    await expect(callHome()).resolves.toEqual({ ok: false, error: { code, message } });
    expect(console.warn).toHaveBeenCalledWith('[services] catalog.home failed (' + code + '):', expect.any(TransportError));
  });

  it('treats an unexpected rejection as a network failure', async () => {
    setTransport(async () => {
      throw new Error('socket hang up');
    });

    await expect(callHome()).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } });
  });

  it.each([undefined, null, 'ok', { data: {} }, { ok: true }, { ok: false, error: { code: 'X' } }])(
    'rejects %p, which is not an envelope, as BAD_RESPONSE',
    async (answer) => {
      setTransport(async () => answer);

      await expect(callHome()).resolves.toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    },
  );

  describe('without an injected transport', () => {
    it('posts to the emulator gateway in local mode, as the dev identity', async () => {
      const request = wx.request as unknown as jest.Mock;
      request.mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
        options.success?.({ statusCode: 200, data: { result: ok(homeFeed), requestID: 'r1', errMsg: 'cloud.callFunction:ok' } } as never);
      });

      await expect(callHome()).resolves.toEqual({ ok: true, data: homeFeed });
      expect(request).toHaveBeenCalledWith(
        expect.objectContaining({
          url: `${ENV.localBaseUrl}/gateway/functions/catalog`,
          method: 'POST',
          data: { action: 'home' },
          header: expect.objectContaining({ 'x-wx-openid': ENV.devOpenid, 'x-wx-appid': 'wx-local-dev' }),
        }),
      );
    });

    it('maps a crashed function (errCode -504002) to FUNCTION_FAILED', async () => {
      (wx.request as unknown as jest.Mock).mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
        options.success?.({ statusCode: 200, data: { errCode: -504002, errMsg: 'cloud.callFunction:fail -504002 functions execute fail. Error: boom' } } as never);
      });

      await expect(callHome()).resolves.toMatchObject({ ok: false, error: { code: 'FUNCTION_FAILED' } });
    });

    it('maps an unreachable gateway to NETWORK', async () => {
      (wx.request as unknown as jest.Mock).mockImplementationOnce((options: WechatMiniprogram.RequestOption) => {
        options.fail?.({ errMsg: 'request:fail -102:net::ERR_CONNECTION_REFUSED' } as never);
      });

      await expect(callHome()).resolves.toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    });

    it('uses wx.cloud.callFunction in cloud mode', async () => {
      // cloud mode: a release build
      jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({ miniProgram: { appId: 'wx123', envVersion: 'release', version: '1.0.0' } } as WechatMiniprogram.AccountInfo);
      {
        (wx.cloud.callFunction as unknown as jest.Mock).mockResolvedValueOnce({ result: ok(homeFeed), errMsg: 'cloud.callFunction:ok' });

        await expect(callHome()).resolves.toEqual({ ok: true, data: homeFeed });
        expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'catalog', data: { action: 'home' } });
        expect(wx.request).not.toHaveBeenCalled();
      }
    });
  });
});
