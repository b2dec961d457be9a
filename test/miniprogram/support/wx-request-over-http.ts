/**
 * `wx.request` over Node's http module, for tests that send the app's real local-gateway calls
 * to a running emulator. Mirrors what the mini-program runtime does with the default
 * `dataType: 'json'`: the body is parsed as JSON when it is JSON.
 */
import http from 'http';

type RequestOptions = Pick<WechatMiniprogram.RequestOption, 'url' | 'method' | 'data' | 'header' | 'timeout' | 'success' | 'fail' | 'complete'>;

export function wxRequestOverHttp(options: RequestOptions): void {
  const body = options.data === undefined ? '' : typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
  const failWith = (message: string) => {
    const failure = { errMsg: `request:fail ${message}`, errno: 600001 };
    options.fail?.(failure as WechatMiniprogram.RequestFailCallbackErr);
    options.complete?.(failure as WechatMiniprogram.GeneralCallbackResult);
  };
  const request = http.request(
    options.url,
    {
      method: options.method ?? 'GET',
      headers: { ...(options.header as Record<string, string> | undefined), 'content-length': Buffer.byteLength(body) },
      timeout: options.timeout ?? 60000,
    },
    (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          // not JSON: handed over as text, like the runtime does
        }
        const result = { data, statusCode: response.statusCode ?? 0, header: response.headers, cookies: [], errMsg: 'request:ok' };
        options.success?.(result as unknown as WechatMiniprogram.RequestSuccessCallbackResult);
        options.complete?.(result as unknown as WechatMiniprogram.GeneralCallbackResult);
      });
    },
  );
  request.on('timeout', () => request.destroy(new Error('timeout')));
  request.on('error', (error) => failWith(error.message));
  request.end(body);
}
