import { type WxApiHarness, eventually, startHarness } from './helpers/harness';
import { type WxSdk, loadSdk, orderParams, tradeNo } from './helpers/sdk';

/** The shopper paying (control API) and the payment callback WeChat Pay then delivers. */
let h: WxApiHarness;
let cloud: WxSdk;
const PAYER = 'oPayer0000000000000000000001';

beforeAll(async () => {
  h = await startHarness({ retryBaseMs: 30, retryMaxDelayMs: 200, maxAttempts: 4 });
  // No WX_API_TOKEN here: unifiedOrder does not know its caller, so the payer comes from a parameter.
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

async function placeOrder(overrides: Record<string, unknown> = {}): Promise<string> {
  const no = tradeNo();
  const r = await cloud.cloudPay.unifiedOrder(orderParams(no, overrides));
  expect(r.resultCode).toBe('SUCCESS');
  return no;
}

/** `yyyyMMddHHmmss` of `ms` in Beijing time, computed independently of the emulator. */
function beijing(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace(/\D/g, '');
}

describe('simulated payment', () => {
  it('marks the order paid and calls the callback function with WeChat’s event and SOURCE wx_paycallback', async () => {
    const no = await placeOrder({ openid: PAYER, attach: '{"orderId":"o-1"}', totalFee: 2590 });
    const before = h.clock.now();
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
    const after = h.clock.now();
    expect(sim.status).toBe(200);
    expect(sim.json).toMatchObject({ outTradeNo: no, tradeState: 'SUCCESS', outcome: 'paid', notification: { state: 'delivered', attempts: 1 } });
    expect(sim.json.transactionId).toMatch(/^4200\d{24}$/);
    expect([beijing(before), beijing(after)]).toContain(sim.json.timeEnd);

    const [call] = h.functions.callsOf('payCb').filter((c) => c.event.outTradeNo === no);
    expect(call!.ctx).toMatchObject({ source: 'wx_paycallback', openid: PAYER });
    expect(call!.event).toEqual({
      returnCode: 'SUCCESS',
      appid: 'wx0000000000000000',
      mchId: expect.stringMatching(/^\d+$/),
      subAppid: 'wx0000000000000000',
      subMchId: '1900000109',
      nonceStr: expect.stringMatching(/^[A-Z0-9]{32}$/),
      resultCode: 'SUCCESS',
      openid: expect.stringMatching(/^o/),
      isSubscribe: 'N',
      subOpenid: PAYER,
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: 2590,
      feeType: 'CNY',
      cashFee: 2590,
      transactionId: sim.json.transactionId,
      outTradeNo: no,
      timeEnd: sim.json.timeEnd,
      attach: '{"orderId":"o-1"}',
    });
    // As in production, `openid` is the payer under the service provider's appid, not the mini program's.
    expect(call!.event.openid).not.toBe(PAYER);
  });

  it('queryOrder reports the payment', async () => {
    const no = await placeOrder({ openid: PAYER });
    const before = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', outTradeNo: no });
    expect(before).toMatchObject({ resultCode: 'SUCCESS', tradeState: 'NOTPAY', tradeStateDesc: '订单未支付', totalFee: 100 });
    expect(before.transactionId).toBeUndefined();
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
    const after = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', outTradeNo: no });
    expect(after).toMatchObject({ tradeState: 'SUCCESS', tradeStateDesc: '支付成功', transactionId: sim.json.transactionId, timeEnd: sim.json.timeEnd, subOpenid: PAYER, cashFee: 100 });
    const byTransaction = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', transactionId: sim.json.transactionId });
    expect(byTransaction.outTradeNo).toBe(no);
    const missing = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', outTradeNo: 'NOPE' });
    expect(missing).toMatchObject({ resultCode: 'FAIL', errCodeDes: '此交易订单号不存在' });
  });

  it('retries a callback that fails twice, with growing delays, until it answers {errcode: 0}', async () => {
    const no = await placeOrder({ openid: PAYER });
    h.functions.failNext('payCb', 1, 'errcode');
    h.functions.define('payCb', (event) => {
      if (event.outTradeNo === no && h.functions.callsOf('payCb').filter((c) => c.event.outTradeNo === no).length === 2) throw new Error('db down');
      return { errcode: 0, errmsg: 'ok' };
    });
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
    expect(sim.json.notification).toMatchObject({ state: 'delivered', attempts: 3 });
    const { json } = await h.get(`/_emulator/pay/deliveries?outTradeNo=${no}`);
    const d = json.deliveries as Array<Record<string, any>>;
    expect(d.map((x) => [x.attempt, x.ok])).toEqual([[1, false], [2, false], [3, true]]);
    expect(d[0].error).toMatch(/did not return \{errcode: 0\}/);
    expect(d[1].error).toBe('db down');
    const calls = h.functions.callsOf('payCb').filter((c) => c.event.outTradeNo === no);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(25);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(55);
    h.functions.define('payCb', () => ({ errcode: 0, errmsg: 'ok' }));
  });

  it('gives up after maxAttempts and records every attempt', async () => {
    const no = await placeOrder({ openid: PAYER });
    h.functions.failNext('payCb', 10, 'throw');
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
    h.functions.failNext('payCb', 0);
    expect(sim.json.notification).toMatchObject({ state: 'exhausted', attempts: 4 });
    expect(sim.json.deliveries).toHaveLength(4);
    // The order is paid all the same: WeChat took the money; the merchant's records are what lag.
    const q = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', outTradeNo: no });
    expect(q.tradeState).toBe('SUCCESS');
  });

  it('delivers extra duplicate copies of the same event after the acknowledgement', async () => {
    const no = await placeOrder({ openid: PAYER });
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, duplicates: 2, wait: true });
    expect(sim.json.notification).toMatchObject({ state: 'delivered', duplicatesSent: 2 });
    const calls = h.functions.callsOf('payCb').filter((c) => c.event.outTradeNo === no);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => JSON.stringify(c.event))).size).toBe(1);
    const { json } = await h.get(`/_emulator/pay/deliveries?outTradeNo=${no}`);
    expect(json.deliveries.map((x: Record<string, number>) => x.copy)).toEqual([0, 1, 2]);
  });

  it('can deliver the duplicates concurrently', async () => {
    const no = await placeOrder({ openid: PAYER });
    let inFlight = 0;
    let peak = 0;
    h.functions.define('payCb', async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 40));
      inFlight--;
      return { errcode: 0 };
    });
    await h.post('/_emulator/pay/simulate', { outTradeNo: no, duplicates: 3, parallel: true, wait: true });
    h.functions.define('payCb', () => ({ errcode: 0, errmsg: 'ok' }));
    expect(h.functions.callsOf('payCb').filter((c) => c.event.outTradeNo === no)).toHaveLength(4);
    expect(peak).toBe(3);
  });

  it('answers at once without wait, and delivers after delayMs', async () => {
    const no = await placeOrder({ openid: PAYER });
    const started = Date.now();
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, delayMs: 150 });
    expect(sim.json.notification).toBeUndefined();
    const [call] = await h.functions.waitForCalls('payCb', h.functions.callsOf('payCb').length + 1).then((c) => c.slice(-1));
    expect(call!.event.outTradeNo).toBe(no);
    expect(call!.at - started).toBeGreaterThanOrEqual(140);
  });

  it('a cancelled payment leaves the order unpaid and calls nothing', async () => {
    const no = await placeOrder({ openid: PAYER });
    const count = h.functions.calls.length;
    const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, fail: true });
    expect(sim.json).toMatchObject({ outcome: 'cancelled', tradeState: 'NOTPAY' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.functions.calls.length).toBe(count);
    const q = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n', outTradeNo: no });
    expect(q.tradeState).toBe('NOTPAY');
  });

  it('needs the payer: from unifiedOrder, or from the simulate call', async () => {
    const anonymous = await placeOrder();
    const missing = await h.post('/_emulator/pay/simulate', { outTradeNo: anonymous });
    expect(missing).toMatchObject({ status: 400, json: { error: { code: 'OPENID_REQUIRED' } } });
    const ok = await h.post('/_emulator/pay/simulate', { outTradeNo: anonymous, openid: 'oLatePayer', wait: true });
    expect(ok.status).toBe(200);
    expect(h.functions.callsOf('payCb').find((c) => c.event.outTradeNo === anonymous)!.event.subOpenid).toBe('oLatePayer');

    const owned = await placeOrder({ openid: PAYER });
    const other = await h.post('/_emulator/pay/simulate', { outTradeNo: owned, openid: 'oSomeoneElse' });
    expect(other).toMatchObject({ status: 409, json: { error: { code: 'PAYER_MISMATCH' } } });
  });

  it('refuses to pay twice, an unknown order, or an expired order', async () => {
    const no = await placeOrder({ openid: PAYER });
    await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
    expect((await h.post('/_emulator/pay/simulate', { outTradeNo: no })).json.error.code).toBe('ORDERPAID');
    expect((await h.post('/_emulator/pay/simulate', { outTradeNo: 'UNKNOWN1' })).status).toBe(404);
    const expiring = await placeOrder({ openid: PAYER, timeExpire: beijing(h.clock.now() + 60_000) });
    h.clock.advance(61_000);
    expect((await h.post('/_emulator/pay/simulate', { outTradeNo: expiring })).json.error.code).toBe('ORDER_EXPIRED');
  });

  it('resumes an unfinished delivery after a restart', async () => {
    h.restart({ retryBaseMs: 60_000, maxAttempts: 4 });
    const no = await placeOrder({ openid: PAYER });
    h.functions.failNext('payCb', 1);
    await h.post('/_emulator/pay/simulate', { outTradeNo: no });
    await eventually(() => h.get(`/_emulator/pay/deliveries?outTradeNo=${no}`), (r) => r.json.deliveries.length === 1);
    // The retry is a minute away; a restart picks the notification up from the database at once.
    h.restart({ retryBaseMs: 30, maxAttempts: 4 });
    const r = await eventually(() => h.get(`/_emulator/pay/deliveries?outTradeNo=${no}`), (x) => x.json.notifications[0]?.state === 'delivered');
    expect(r.json.deliveries.map((x: Record<string, unknown>) => x.ok)).toEqual([false, true]);
  });
});
