import { ENV, type WxApiHarness, eventually, startHarness } from './helpers/harness';
import { type PayResult, type WxSdk, loadSdk, orderParams, tradeNo } from './helpers/sdk';

/** closeOrder's five-minute rule, refunds, refund queries and refund notifications. */
let h: WxApiHarness;
let cloud: WxSdk;
const PAYER = 'oPayer0000000000000000000002';
const MCH = '1900000109';

beforeAll(async () => {
  // Refunds settle only when told to, so each test can look at them while PROCESSING.
  h = await startHarness({ autoSettleRefunds: false, retryBaseMs: 20 });
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

async function paidOrder(totalFee: number): Promise<{ no: string; transactionId: string }> {
  const no = tradeNo();
  expect((await cloud.cloudPay.unifiedOrder(orderParams(no, { openid: PAYER, totalFee }))).resultCode).toBe('SUCCESS');
  const sim = await h.post('/_emulator/pay/simulate', { outTradeNo: no, wait: true });
  expect(sim.status).toBe(200);
  return { no, transactionId: sim.json.transactionId as string };
}

function refund(outTradeNo: string, outRefundNo: string, totalFee: number, refundFee: number, extra: Record<string, unknown> = {}): Promise<PayResult> {
  return cloud.cloudPay.refund({ subMchId: MCH, nonceStr: 'n', outTradeNo, outRefundNo, totalFee, refundFee, ...extra });
}

const query = (outTradeNo: string) => cloud.cloudPay.queryOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo });

describe('closeOrder', () => {
  it('is refused during the first five minutes, then closes the order for good', async () => {
    const no = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(no, { openid: PAYER }));
    h.clock.advance(4 * 60 * 1000 + 59_000);
    const early = await cloud.cloudPay.closeOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo: no });
    expect(early).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCodeDes: expect.stringContaining('5分钟') });
    expect((await query(no)).tradeState).toBe('NOTPAY');

    h.clock.advance(1000);
    const closed = await cloud.cloudPay.closeOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo: no });
    expect(closed).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', errMsg: 'cloudPay.closeOrder:ok' });
    expect(await query(no)).toMatchObject({ tradeState: 'CLOSED', tradeStateDesc: '订单已关闭' });

    expect((await cloud.cloudPay.closeOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo: no })).errCodeDes).toMatch(/订单已关闭/);
    expect((await h.post('/_emulator/pay/simulate', { outTradeNo: no })).json.error.code).toBe('ORDERCLOSED');
    expect((await cloud.cloudPay.unifiedOrder(orderParams(no, { openid: PAYER }))).errCodeDes).toBe('该订单已关闭');
  });

  it('cannot close a paid or unknown order', async () => {
    const { no } = await paidOrder(100);
    h.clock.advance(10 * 60 * 1000);
    expect((await cloud.cloudPay.closeOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo: no })).errCodeDes).toMatch(/订单已支付/);
    expect((await cloud.cloudPay.closeOrder({ subMchId: MCH, nonceStr: 'n', outTradeNo: 'NOSUCHORDER' })).errCodeDes).toBe('订单不存在');
  });
});

describe('refund', () => {
  it('refunds in parts and refuses more than what was paid', async () => {
    const { no, transactionId } = await paidOrder(1000);
    const r1 = await refund(no, `${no}R1`, 1000, 300, { refundDesc: '缺货' });
    expect(r1).toMatchObject({ resultCode: 'SUCCESS', transactionId, outTradeNo: no, outRefundNo: `${no}R1`, refundFee: 300, totalFee: 1000, cashRefundFee: 300 });
    expect(r1.refundId).toMatch(/^\d{29}$/);
    expect(await query(no)).toMatchObject({ tradeState: 'REFUND', tradeStateDesc: '订单发生过退款' });

    expect(await refund(no, `${no}R2`, 1000, 701)).toMatchObject({ resultCode: 'FAIL', errCodeDes: '累计退款金额大于支付金额' });
    expect((await refund(no, `${no}R3`, 1000, 700)).resultCode).toBe('SUCCESS');
    expect((await refund(no, `${no}R4`, 1000, 1)).errCodeDes).toBe('累计退款金额大于支付金额');
    const { json } = await h.get(`/_emulator/pay/refunds?outTradeNo=${no}`);
    expect(json.refunds.map((r: Record<string, unknown>) => r.refundFee).sort()).toEqual([300, 700]);
  });

  it('is idempotent on out_refund_no and refuses reusing it with other amounts', async () => {
    const { no } = await paidOrder(500);
    const first = await refund(no, `${no}R`, 500, 200);
    const again = await refund(no, `${no}R`, 500, 200);
    expect(again).toMatchObject({ resultCode: 'SUCCESS', refundId: first.refundId, refundFee: 200 });
    const changed = await refund(no, `${no}R`, 500, 250);
    expect(changed).toMatchObject({ resultCode: 'FAIL', errCodeDes: '订单金额或退款金额与之前请求不一致，请核实后再试' });
    expect((await h.get(`/_emulator/pay/refunds?outTradeNo=${no}`)).json.refunds).toHaveLength(1);
  });

  it('requires total_fee to be the order amount, and a paid order', async () => {
    const { no } = await paidOrder(500);
    expect(await refund(no, `${no}R`, 499, 100)).toMatchObject({ resultCode: 'FAIL', errCodeDes: 'total_fee与订单金额不一致' });
    const unpaid = tradeNo();
    await cloud.cloudPay.unifiedOrder(orderParams(unpaid, { openid: PAYER }));
    expect((await refund(unpaid, `${unpaid}R`, 100, 100)).resultCode).toBe('FAIL');
    expect((await refund('NOSUCHORDER', 'NOSUCHREFUND', 100, 100)).errCodeDes).toBe('订单不存在');
    expect((await refund(no, `${no}X`, 500, 0)).returnCode).toBe('FAIL');
  });

  it('queryRefund lists the refunds of an order with their status', async () => {
    const { no, transactionId } = await paidOrder(900);
    await refund(no, `${no}A`, 900, 100);
    await refund(no, `${no}B`, 900, 200);
    const processing = await cloud.cloudPay.queryRefund({ subMchId: MCH, nonceStr: 'n', outTradeNo: no });
    expect(processing).toMatchObject({
      resultCode: 'SUCCESS',
      transactionId,
      outTradeNo: no,
      totalFee: 900,
      refundCount: 2,
      totalRefundCount: 2,
      outRefundNoList: [`${no}A`, `${no}B`],
      refundFeeList: [100, 200],
      refundStatusList: ['PROCESSING', 'PROCESSING'],
      refundSuccessTimeList: ['', ''],
    });
    await h.post('/_emulator/pay/refunds/settle', { outRefundNo: `${no}A`, wait: true });
    const one = await cloud.cloudPay.queryRefund({ subMchId: MCH, nonceStr: 'n', outRefundNo: `${no}A` });
    expect(one).toMatchObject({ refundCount: 1, outRefundNoList: [`${no}A`], refundStatusList: ['SUCCESS'] });
    expect(one.refundSuccessTimeList[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const none = await cloud.cloudPay.queryRefund({ subMchId: MCH, nonceStr: 'n', outRefundNo: 'NOSUCHREFUND' });
    expect(none).toMatchObject({ resultCode: 'FAIL', errCodeDes: '退款订单查询失败' });
  });
});

describe('refund notifications', () => {
  it('reach the function named in the refund request once the refund settles', async () => {
    const { no, transactionId } = await paidOrder(800);
    const r = await refund(no, `${no}N`, 800, 800, { envId: ENV, functionName: 'refundCb' });
    expect(h.functions.callsOf('refundCb').filter((c) => c.event.reqInfo && (c.event.reqInfo as Record<string, unknown>).outTradeNo === no)).toHaveLength(0);
    const settled = await h.post('/_emulator/pay/refunds/settle', { outRefundNo: `${no}N`, wait: true });
    expect(settled.json).toMatchObject({ status: 'SUCCESS', notification: { state: 'delivered' } });
    const call = h.functions.callsOf('refundCb').find((c) => (c.event.reqInfo as Record<string, unknown>).outRefundNo === `${no}N`)!;
    expect(call.ctx).toMatchObject({ source: 'wx_paycallback', openid: PAYER });
    expect(call.event).toMatchObject({ returnCode: 'SUCCESS', appid: 'wx0000000000000000', subMchId: MCH, nonceStr: expect.any(String) });
    expect(call.event.reqInfo).toEqual({
      transactionId,
      outTradeNo: no,
      refundId: r.refundId,
      outRefundNo: `${no}N`,
      totalFee: 800,
      settlementTotalFee: 800,
      refundFee: 800,
      settlementRefundFee: 800,
      refundStatus: 'SUCCESS',
      successTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      refundRecvAccout: '支付用户零钱',
      refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
      refundRequestSource: 'API',
    });
  });

  it('report a failed refund, whose amount becomes refundable again when closed', async () => {
    const { no } = await paidOrder(300);
    await refund(no, `${no}F`, 300, 300, { functionName: 'refundCb' });
    const closed = await h.post('/_emulator/pay/refunds/settle', { outRefundNo: `${no}F`, status: 'REFUNDCLOSE', wait: true });
    expect(closed.json.status).toBe('REFUNDCLOSE');
    const call = h.functions.callsOf('refundCb').find((c) => (c.event.reqInfo as Record<string, unknown>).outRefundNo === `${no}F`)!;
    expect(call.event.reqInfo).toMatchObject({ refundStatus: 'REFUNDCLOSE', settlementRefundFee: 0 });
    expect((call.event.reqInfo as Record<string, unknown>).successTime).toBeUndefined();
    expect((await h.post('/_emulator/pay/refunds/settle', { outRefundNo: `${no}F` })).json.error.code).toBe('REFUND_SETTLED');
    expect((await refund(no, `${no}G`, 300, 300)).resultCode).toBe('SUCCESS');
  });

  it('are not sent when the refund named no function', async () => {
    const { no } = await paidOrder(200);
    await refund(no, `${no}Q`, 200, 50);
    const settled = await h.post('/_emulator/pay/refunds/settle', { outRefundNo: `${no}Q`, wait: true });
    expect(settled.json.notificationId).toBeUndefined();
    expect((await h.get(`/_emulator/pay/deliveries?outRefundNo=${no}Q`)).json.deliveries).toHaveLength(0);
  });

  it('in automatic mode, refunds settle by themselves, including those left PROCESSING before a restart', async () => {
    const { no } = await paidOrder(600);
    await refund(no, `${no}P`, 600, 100, { functionName: 'refundCb' });
    h.restart({ autoSettleRefunds: true, refundSettleDelayMs: 0, retryBaseMs: 20 });
    await refund(no, `${no}S`, 600, 100, { functionName: 'refundCb' });
    const done = await eventually(
      () => h.get(`/_emulator/pay/deliveries?outTradeNo=${no}&kind=refund`),
      (r) => r.json.deliveries.filter((d: Record<string, unknown>) => d.ok).length === 2,
    );
    expect(done.json.deliveries.map((d: Record<string, unknown>) => d.outRefundNo).sort()).toEqual([`${no}P`, `${no}S`]);
    const q = await cloud.cloudPay.queryRefund({ subMchId: MCH, nonceStr: 'n', outTradeNo: no });
    expect(q.refundStatusList).toEqual(['SUCCESS', 'SUCCESS']);
    h.restart({ autoSettleRefunds: false, retryBaseMs: 20 });
  });
});
