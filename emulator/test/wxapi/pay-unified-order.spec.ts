import { createHash } from 'node:crypto';
import { encodeCallerToken } from '../../src/wxapi';
import { ENV, type WxApiHarness, startHarness } from './helpers/harness';
import { type WxSdk, loadSdk, orderParams, rejection, tradeNo } from './helpers/sdk';

/** cloudPay.unifiedOrder as the real wx-server-sdk sees it. */
let h: WxApiHarness;
let cloud: WxSdk;
const CALLER = 'oPayerFromToken0000000000000';

beforeAll(async () => {
  h = await startHarness({ payKey: 'test-key' });
  // The function runtime gives each invocation a WX_API_TOKEN naming its caller, as CloudBase does.
  cloud = loadSdk(h.adminUrl, { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_API_TOKEN', WX_API_TOKEN: encodeCallerToken({ openid: CALLER }) });
});
afterAll(() => h.close());

function md5Upper(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

describe('unifiedOrder', () => {
  it('answers with WeChat Pay fields and the payment object for wx.requestPayment', async () => {
    const no = tradeNo();
    const r = await cloud.cloudPay.unifiedOrder(orderParams(no, { attach: 'order:1' }));
    expect(r).toMatchObject({
      returnCode: 'SUCCESS',
      returnMsg: 'OK',
      resultCode: 'SUCCESS',
      appid: 'wx0000000000000000',
      subAppid: 'wx0000000000000000',
      subMchId: '1900000109',
      tradeType: 'JSAPI',
      errCode: 0,
      errMsg: 'cloudPay.unifiedOrder:ok',
    });
    expect(r.mchId).toMatch(/^\d+$/);
    expect(r.prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    const p = r.payment as Record<string, string>;
    expect(Object.keys(p).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(p.package).toBe(`prepay_id=${r.prepayId}`);
    expect(p.signType).toBe('MD5');
    expect(p.timeStamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(p.timeStamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(p.nonceStr).toMatch(/^[A-Z0-9]{32}$/);
    // paySign follows WeChat Pay v2 MD5 signing of the other fields with the merchant key.
    const signed = `appId=${p.appId}&nonceStr=${p.nonceStr}&package=${p.package}&signType=MD5&timeStamp=${p.timeStamp}&key=test-key`;
    expect(p.paySign).toBe(md5Upper(signed));
  });

  it('stores the order with the caller (from WX_API_TOKEN) as payer', async () => {
    const no = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(no));
    const { json } = await h.get(`/_emulator/pay/orders?outTradeNo=${no}`);
    expect(json.orders).toHaveLength(1);
    expect(json.orders[0]).toMatchObject({ outTradeNo: no, totalFee: 100, state: 'NOTPAY', payerOpenid: CALLER, functionName: 'payCb', envId: ENV });
  });

  it('an explicit openid parameter names the payer', async () => {
    const no = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(no, { openid: 'oExplicit' }));
    const { json } = await h.get(`/_emulator/pay/orders?outTradeNo=${no}`);
    expect(json.orders[0].payerOpenid).toBe('oExplicit');
  });

  it('repeating the same order returns the same prepay_id', async () => {
    const no = tradeNo();
    const a = await cloud.cloudPay.unifiedOrder(orderParams(no));
    const b = await cloud.cloudPay.unifiedOrder(orderParams(no, { nonceStr: 'OTHER' }));
    expect(b.resultCode).toBe('SUCCESS');
    expect(b.prepayId).toBe(a.prepayId);
    const { json } = await h.get(`/_emulator/pay/orders?outTradeNo=${no}`);
    expect(json.orders).toHaveLength(1);
  });

  it('a prepay_id older than two hours is replaced on repeat', async () => {
    const no = tradeNo();
    const a = await cloud.cloudPay.unifiedOrder(orderParams(no));
    h.clock.advance(2 * 3600 * 1000 + 1000);
    const b = await cloud.cloudPay.unifiedOrder(orderParams(no));
    expect(b.resultCode).toBe('SUCCESS');
    expect(b.prepayId).not.toBe(a.prepayId);
  });

  it('the same out_trade_no with another amount is refused as a duplicate order number', async () => {
    const no = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(no));
    const r = await cloud.cloudPay.unifiedOrder(orderParams(no, { totalFee: 1 }));
    expect(r).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: '201 商户订单号重复' });
    // The SDK overwrites WeChat's string err_code with errCode 0: callers must read resultCode.
    expect(r.errCode).toBe(0);
    expect(r.prepayId).toBeUndefined();
    const { json } = await h.get(`/_emulator/pay/orders?outTradeNo=${no}`);
    expect(json.orders[0].totalFee).toBe(100);
  });

  it('a paid order cannot be ordered again', async () => {
    const no = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(no));
    expect((await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true })).status).toBe(200);
    const r = await cloud.cloudPay.unifiedOrder(orderParams(no));
    expect(r).toMatchObject({ resultCode: 'FAIL', errCodeDes: '该订单已支付' });
  });

  it.each([
    ['a fractional amount', { totalFee: 1.5 }, /total_fee must be a positive integer/],
    ['a zero amount', { totalFee: 0 }, /total_fee must be a positive integer/],
    ['an amount as a string', { totalFee: '100' }, /total_fee must be a positive integer/],
    ['no body', { body: undefined }, /missing required parameter body/],
    ['no functionName', { functionName: undefined }, /missing required parameter function_name/],
    ['no subMchId', { subMchId: undefined }, /missing required parameter sub_mch_id/],
    ['a bad out_trade_no', { outTradeNo: 'has space' }, /out_trade_no may only contain/],
    ['a NATIVE trade type', { tradeType: 'NATIVE' }, /trade_type NATIVE is not supported/],
  ])('refuses %s with return_code FAIL', async (_what, overrides, message) => {
    const r = await cloud.cloudPay.unifiedOrder(orderParams(tradeNo(), overrides));
    expect(r.returnCode).toBe('FAIL');
    expect(r.returnMsg).toMatch(message);
    expect(r.resultCode).toBeUndefined();
  });

  it('an API the emulator does not know fails as a CloudBase error', async () => {
    const e = await rejection(cloud.cloudPay.downloadBill({ subMchId: '1900000109', billDate: '20240101' }));
    expect(e.errCode).toBe(-501007);
    expect(e.errMsg).toMatch(/cloudPay\.downloadBill is not supported by the local CloudBase emulator/);
  });
});
