import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Clock } from '../../src/clock';
import type { ActionRequest, EmulatorModule, RawResponse } from '../../src/types';
import { createWxApiModule } from '../../src/wxapi';
import { decodeOpenApiRequest, decodeOpenApiResponse } from '../../src/wxapi/openapi/openapi-protocol';
import { type CapturedRequest, startCaptureServer } from './helpers/capture-server';
import { FakeFunctions } from './helpers/fake-functions';
import { ENV } from './helpers/harness';
import { type WxSdk, loadSdk, rejection } from './helpers/sdk';

/**
 * Pins the requests wx-server-sdk sends for cloudPay and openapi calls. The committed fixtures were
 * captured from the real SDK; if an SDK upgrade changes what it sends, the first test fails (run
 * with UPDATE_WXAPI_FIXTURES=1 to re-capture, then review the diff and the emulator). The second
 * test replays the fixtures into the module without the SDK, so the emulator keeps understanding them.
 */
interface Fixture {
  $comment: string;
  sdk: string;
  call: string;
  params: Record<string, unknown>;
  request: Omit<CapturedRequest, 'query'> & { queryKeys: string[]; env: string };
}

const FIXTURES = path.join(__dirname, 'fixtures');
const UPDATE = process.env.UPDATE_WXAPI_FIXTURES === '1';
const SDK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('wx-server-sdk/package.json'), 'utf8')) as { version: string }).version;

const MCH = '1900000109';
const CALLS: Array<{ file: string; call: string; params: Record<string, unknown>; run(cloud: WxSdk, p: Record<string, unknown>): Promise<unknown> }> = [
  {
    file: 'cloudpay-unified-order.json',
    call: 'cloud.cloudPay.unifiedOrder',
    params: { body: '测试商品', outTradeNo: 'FIXTURE0001', spbillCreateIp: '127.0.0.1', subMchId: MCH, totalFee: 100, envId: ENV, functionName: 'payCb', nonceStr: 'N0NCE', tradeType: 'JSAPI', attach: 'a' },
    run: (c, p) => c.cloudPay.unifiedOrder(p),
  },
  { file: 'cloudpay-query-order.json', call: 'cloud.cloudPay.queryOrder', params: { subMchId: MCH, nonceStr: 'N0NCE', outTradeNo: 'FIXTURE0001' }, run: (c, p) => c.cloudPay.queryOrder(p) },
  { file: 'cloudpay-close-order.json', call: 'cloud.cloudPay.closeOrder', params: { subMchId: MCH, nonceStr: 'N0NCE', outTradeNo: 'FIXTURE0001' }, run: (c, p) => c.cloudPay.closeOrder(p) },
  {
    file: 'cloudpay-refund.json',
    call: 'cloud.cloudPay.refund',
    params: { sub_mch_id: MCH, nonce_str: 'N0NCE', out_trade_no: 'FIXTURE0001', out_refund_no: 'FIXTURE0001R', total_fee: 100, refund_fee: 40, refund_desc: '退款', envId: ENV, functionName: 'refundCb' },
    run: (c, p) => c.cloudPay.refund(p),
  },
  { file: 'cloudpay-query-refund.json', call: 'cloud.cloudPay.queryRefund', params: { subMchId: MCH, nonceStr: 'N0NCE', outTradeNo: 'FIXTURE0001' }, run: (c, p) => c.cloudPay.queryRefund(p) },
  {
    file: 'openapi-subscribe-message-send.json',
    call: 'cloud.openapi.subscribeMessage.send',
    params: { touser: 'oFixtureUser', templateId: 'TPL_FIXTURE', page: 'pages/index/index', data: { thing1: { value: '已发货' }, amount2: { value: '¥1.00' } }, miniprogramState: 'developer', lang: 'zh_CN' },
    run: (c, p) => c.openapi.subscribeMessage.send(p),
  },
  {
    file: 'openapi-msg-sec-check.json',
    call: 'cloud.openapi.security.msgSecCheck',
    params: { content: '你好', version: 2, scene: 2, openid: 'oFixtureUser' },
    run: (c, p) => c.openapi.security.msgSecCheck(p),
  },
];

function readFixture(file: string): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Fixture;
}

describe('requests wx-server-sdk sends', () => {
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  let cloud: WxSdk;
  beforeAll(async () => {
    capture = await startCaptureServer();
    cloud = loadSdk(capture.url);
  });
  afterAll(() => capture.close());

  it.each(CALLS)('$call matches fixtures/$file', async ({ file, call, params, run }) => {
    await rejection(run(cloud, params));
    const req = capture.requests.at(-1)!;
    const { query, ...rest } = req;
    const request: Fixture['request'] = { ...rest, queryKeys: Object.keys(query).sort(), env: query.env ?? '' };
    if (UPDATE) {
      const comment = 'Captured from the real SDK by protocol-fixtures.spec.ts (UPDATE_WXAPI_FIXTURES=1). Parts are base64 of the exact bytes.';
      fs.writeFileSync(path.join(FIXTURES, file), `${JSON.stringify({ $comment: comment, sdk: `wx-server-sdk@${SDK_VERSION}`, call, params, request }, null, 2)}\n`);
    }
    const fixture = readFixture(file);
    expect(fixture.params).toEqual(params);
    expect(request).toEqual(fixture.request);
  });
});

describe('the emulator understands the captured requests', () => {
  let module: EmulatorModule;
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(':memory:');
    const ctx = { env: ENV, sqlite: db, clock: new Clock(), dataDir: '', baseUrl: () => '', functions: new FakeFunctions(['payCb', 'refundCb']), log: () => undefined };
    module = createWxApiModule(ctx);
  });
  afterAll(() => {
    void module.close?.();
    db.close();
  });

  async function replay(file: string): Promise<RawResponse> {
    const f = readFixture(file);
    const parts = Object.fromEntries(f.request.parts.map((p) => [p.name, Buffer.from(p.base64, 'base64')]));
    const params = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.toString('utf8')]));
    const req: ActionRequest = { action: params.action!, params, parts, env: f.request.env, requestId: 'replay' };
    const handler = module.actions?.[req.action];
    if (!handler) throw new Error(`no handler for ${req.action}`);
    return (await handler(req)) as RawResponse;
  }

  const json = (r: RawResponse) => JSON.parse(r.body.toString()) as Record<string, unknown>;

  it('pay: the multipart parts decode to the snake_case parameters', async () => {
    const parts = readFixture('cloudpay-unified-order.json').request.parts;
    expect(parts.find((p) => p.name === 'requestData')!.contentType).toBe('application/octet-stream');
    const data = JSON.parse(Buffer.from(parts.find((p) => p.name === 'requestData')!.base64, 'base64').toString('utf8'));
    expect(data).toEqual({ body: '测试商品', out_trade_no: 'FIXTURE0001', spbill_create_ip: '127.0.0.1', sub_mch_id: MCH, total_fee: 100, env_id: ENV, function_name: 'payCb', nonce_str: 'N0NCE', trade_type: 'JSAPI', attach: 'a' });
  });

  it('pay: replayed calls get WeChat Pay answers', async () => {
    expect(json(await replay('cloudpay-unified-order.json'))).toMatchObject({ return_code: 'SUCCESS', result_code: 'SUCCESS', prepay_id: expect.any(String) });
    expect(json(await replay('cloudpay-query-order.json'))).toMatchObject({ result_code: 'SUCCESS', trade_state: 'NOTPAY', out_trade_no: 'FIXTURE0001' });
    expect(json(await replay('cloudpay-close-order.json'))).toMatchObject({ result_code: 'FAIL', err_code: 'INVALID_REQUEST' });
    expect(json(await replay('cloudpay-refund.json'))).toMatchObject({ result_code: 'FAIL', err_code: 'TRADE_STATE_ERROR' });
    expect(json(await replay('cloudpay-query-refund.json'))).toMatchObject({ result_code: 'FAIL', err_code: 'REFUNDNOTEXIST' });
  });

  it('openapi: requestData is a CommApiData protobuf of JSON parameters', () => {
    const parts = readFixture('openapi-subscribe-message-send.json').request.parts;
    expect(parts.find((p) => p.name === 'apiOptions')).toBeUndefined();
    const decoded = decodeOpenApiRequest(Buffer.from(parts.find((p) => p.name === 'requestData')!.base64, 'base64'));
    expect(decoded).toEqual({
      apiType: 0,
      appid: '',
      media: {},
      params: { touser: 'oFixtureUser', template_id: 'TPL_FIXTURE', page: 'pages/index/index', data: { thing1: { value: '已发货' }, amount2: { value: '¥1.00' } }, miniprogram_state: 'developer', lang: 'zh_CN' },
    });
  });

  it('openapi: replayed calls get CommOpenApiResp answers wrapping WeChat JSON', async () => {
    const send = decodeOpenApiResponse((await replay('openapi-subscribe-message-send.json')).body as Buffer);
    expect(send).toMatchObject({ contentType: 'application/json; charset=utf-8', errorCode: 0, httpCode: 200 });
    expect(JSON.parse(send.respData.toString('utf8'))).toMatchObject({ errcode: 43101 });
    const check = decodeOpenApiResponse((await replay('openapi-msg-sec-check.json')).body as Buffer);
    expect(JSON.parse(check.respData.toString('utf8'))).toMatchObject({ errcode: 0, result: { suggest: 'pass', label: 100 } });
  });
});
