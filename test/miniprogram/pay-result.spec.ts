import { paidPayment, paymentParams, unpaidPayment } from './fixtures/order';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const PAY_RESULT = 'packages/order/pay-result/index';
const requestPayment = () => wx.requestPayment as unknown as jest.Mock;

describe('pay result page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('asks the server and shows a paid payment with its amount', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'payment.status': () => answer.promise });
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport });
    expect(page.exists('.page-loading')).toBe(true);

    answer.resolve(ok(paidPayment));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'status', paymentId: 'pay-1' });
    expect(page.text('.pay-result__result')).toContain('支付成功');
    expect(page.text('.pay-result__amount')).toBe('¥565.80');
    expect(page.exists('.pay-result__pay')).toBe(false);

    await page.tap('.pay-result__orders');
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/list/index?status=all' });
  });

  it('offers to pay again when not paid, then shows what the server says', async () => {
    const statuses = [ok(unpaidPayment), ok(paidPayment)];
    requestPayment().mockImplementationOnce((options: WechatMiniprogram.RequestPaymentOption) => options.success?.({ errMsg: 'requestPayment:ok' }));
    const transport = stubTransport({ 'payment.status': () => statuses.shift(), 'payment.pay': ok({ params: paymentParams, payment: unpaidPayment }) });
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport });

    expect(page.text('.pay-result__result')).toContain('订单尚未支付');
    await page.tap('.pay-result__pay');

    expect(transport.calls.map((call) => call.data.action)).toEqual(['status', 'pay', 'status']);
    expect(requestPayment()).toHaveBeenCalledTimes(1);
    expect(page.text('.pay-result__result')).toContain('支付成功');
  });

  it('opens the only order of a one-shop checkout, the unpaid list otherwise', async () => {
    const single = { ...unpaidPayment, orderIds: ['ord-tea-1'] };
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport: stubTransport({ 'payment.status': ok(single) }) });

    await page.tap('.pay-result__orders');
    expect(wx.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/order/detail/index?orderId=ord-tea-1' });
  });

  it('lists unpaid orders of a several-shop checkout and goes home', async () => {
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport: stubTransport({ 'payment.status': ok(unpaidPayment) }) });

    await page.tap('.pay-result__orders');
    expect(wx.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/order/list/index?status=pending_payment' });
    await page.tap('.pay-result__home');
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('says why paying again could not start', async () => {
    const transport = stubTransport({ 'payment.status': ok(unpaidPayment), 'payment.pay': fail('PAYMENT_STATE_INVALID', '订单已超时关闭') });
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport });

    await page.tap('.pay-result__pay');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '订单已超时关闭', icon: 'none' });
    expect(requestPayment()).not.toHaveBeenCalled();
  });

  it('shows the empty state without a payment id', async () => {
    const page = await loadPage(PAY_RESULT, { transport: stubTransport({}) });

    expect(page.text('.page-empty')).toContain('没有找到这笔支付');
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '查询失败'), ok(paidPayment)];
    const page = await loadPage(PAY_RESULT, { query: { paymentId: 'pay-1' }, transport: stubTransport({ 'payment.status': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('查询失败');
    await page.tap('.page-retry');
    expect(page.text('.pay-result__result')).toContain('支付成功');
  });
});
