import { cancelledDetail, completedDetail, CREATED_AT, paymentParams, pendingDetail, shippedDetail, unpaidPayment } from './fixtures/order';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const ORDER = 'packages/order/detail/index';
const QUERY = { orderId: 'ord-tea-1' };
const CONFIRM_BUTTON = '.order__dialog >>> .t-dialog__button--confirm';
const CANCEL_BUTTON = '.order__dialog >>> .t-dialog__button--cancel';

describe('order detail page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Date, 'now').mockReturnValue(CREATED_AT + 10 * 60_000);
  });

  it('shows status with the time left to pay, address, lines, amounts and history', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'order.detail': () => answer.promise });
    const page = await loadPage(ORDER, { query: QUERY, transport });
    expect(page.exists('.page-loading')).toBe(true);

    answer.resolve(ok(pendingDetail));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'detail', orderId: 'ord-tea-1' });
    expect(page.text('.order__status')).toBe('待付款');
    expect(page.data.payRemainingMs).toBe(20 * 60_000);
    expect(page.text('.order__countdown')).toMatch(/^剩余(20 : 00|19 : 59)，超时订单将自动取消$/);
    expect(page.text('.order__address-person')).toBe('林晓 13800138000');
    expect(page.text('.order__line-title')).toBe('西湖龙井 明前特级 礼盒装');
    expect(page.text('.order__goods')).toBe('¥498.00');
    expect(page.text('.order__shipping')).toBe('包邮');
    expect(page.text('.order__discount')).toBe('-¥17.29');
    expect(page.text('.order__pay')).toBe('¥480.71');
    expect(page.texts('.order__info')[0]).toContain('ord-tea-1');
    expect(page.texts('.order__event-text')).toEqual(['提交订单']);
    expect(page.exists('.order__pay-now')).toBe(true);
    expect(page.exists('.order__cancel')).toBe(true);
    expect(page.exists('.order__confirm')).toBe(false);
  });

  it('cancels only after the shopper confirms in the dialog', async () => {
    const transport = stubTransport({ 'order.detail': ok(pendingDetail), 'order.cancel': ok(cancelledDetail) });
    const page = await loadPage(ORDER, { query: QUERY, transport });

    await page.tap('.order__cancel');
    expect(page.data.dialogVisible).toBe(true);
    expect(page.text('.order__dialog >>> .t-dialog__body')).toContain('确定要取消这个订单吗');
    await page.tap(CANCEL_BUTTON);
    expect(page.data.dialogVisible).toBe(false);
    expect(transport.calls.map((call) => call.data.action)).toEqual(['detail']);

    await page.tap('.order__cancel');
    await page.tap(CONFIRM_BUTTON);

    expect(transport.calls.at(-1)!.data).toEqual({ action: 'cancel', orderId: 'ord-tea-1' });
    expect(page.text('.order__status')).toBe('已取消');
    expect(page.text('.order__status-hint')).toBe('取消原因：买家取消');
    expect(page.exists('.order__bar')).toBe(false);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '订单已取消', icon: 'success' });
  });

  it('warns that a paid order is refunded when cancelled', async () => {
    const paid = { ...pendingDetail, status: 'paid' as const, paidAt: CREATED_AT + 60_000, actions: ['cancel' as const] };
    const page = await loadPage(ORDER, { query: QUERY, transport: stubTransport({ 'order.detail': ok(paid) }) });

    expect(page.text('.order__status')).toBe('待发货');
    await page.tap('.order__cancel');
    expect(page.text('.order__dialog >>> .t-dialog__body')).toContain('取消后将全额退款');
  });

  it('confirms receipt after the dialog', async () => {
    const transport = stubTransport({ 'order.detail': ok(shippedDetail), 'order.confirmReceipt': ok(completedDetail) });
    const page = await loadPage(ORDER, { query: { orderId: 'ord-fruit-0' }, transport });

    expect(page.text('.order__status')).toBe('待收货');
    expect(page.texts('.order__info').join()).toContain('顺丰速运 SF1234567890');
    await page.tap('.order__confirm');
    await page.tap(CONFIRM_BUTTON);

    expect(transport.calls.at(-1)!.data).toEqual({ action: 'confirmReceipt', orderId: 'ord-fruit-0' });
    expect(page.text('.order__status')).toBe('已完成');
    expect(page.texts('.order__event-text')[0]).toBe('已确认收货');
  });

  it('shows the order as it is now when the action is no longer allowed', async () => {
    const details = [ok(pendingDetail), ok(cancelledDetail)];
    const transport = stubTransport({ 'order.detail': () => details.shift(), 'order.cancel': fail('ORDER_STATE_INVALID', '订单状态已变化') });
    const page = await loadPage(ORDER, { query: QUERY, transport });

    await page.tap('.order__cancel');
    await page.tap(CONFIRM_BUTTON);

    expect(wx.showToast).toHaveBeenCalledWith({ title: '订单状态已变化', icon: 'none' });
    expect(page.text('.order__status')).toBe('已取消');
  });

  it('pays: payment.pay, the WeChat Pay sheet, then the pay result', async () => {
    (wx.requestPayment as unknown as jest.Mock).mockImplementationOnce((options: WechatMiniprogram.RequestPaymentOption) => options.success?.({ errMsg: 'requestPayment:ok' }));
    const transport = stubTransport({ 'order.detail': ok(pendingDetail), 'payment.pay': ok({ params: paymentParams, payment: unpaidPayment }) });
    const page = await loadPage(ORDER, { query: QUERY, transport });

    await page.tap('.order__pay-now');

    expect(transport.calls.at(-1)!.data).toEqual({ action: 'pay', paymentId: 'pay-1' });
    expect(wx.requestPayment).toHaveBeenCalled();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/pay-result/index?paymentId=pay-1' });
  });

  it('reloads when the pay deadline passes and when coming back', async () => {
    const details = [ok(pendingDetail), ok(cancelledDetail), ok(cancelledDetail)];
    const transport = stubTransport({ 'order.detail': () => details.shift() });
    const page = await loadPage(ORDER, { query: QUERY, transport });

    await page.trigger('.order__count-down', 'finish');
    expect(page.text('.order__status')).toBe('已取消');
    await page.lifecycle('onShow');
    expect(transport.calls).toHaveLength(3);
  });

  it('shows the empty state for an order that does not exist', async () => {
    const page = await loadPage(ORDER, { query: { orderId: 'nope' }, transport: stubTransport({ 'order.detail': fail('NOT_FOUND', '订单不存在') }) });

    expect(page.text('.page-empty')).toContain('订单不存在');
    await page.tap('.page-empty-action');
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/list/index?status=all' });
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '订单服务繁忙'), ok(pendingDetail)];
    const page = await loadPage(ORDER, { query: QUERY, transport: stubTransport({ 'order.detail': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('订单服务繁忙');
    await page.tap('.page-retry');
    expect(page.text('.order__status')).toBe('待付款');
  });

  it('shows logistics for a shipped order, 申请售后 per line and 评价 once completed', async () => {
    const transport = stubTransport({ 'order.detail': ok({ ...shippedDetail, afterSaleTypes: ['refund_only', 'return_refund'] }) });
    const page = await loadPage(ORDER, { query: { orderId: 'ord-fruit-0' }, transport });
    expect(page.text('.order__logistics-carrier')).toBe('顺丰速运 SF1234567890');
    expect(page.exists('.order__review')).toBe(false);
    await page.tap('.order__line-aftersale');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/aftersale-apply/index?orderId=ord-fruit-0&line=0' });

    const done = stubTransport({ 'order.detail': ok(completedDetail) });
    page.moduleOf<typeof import('../../miniprogram/services/cloud')>('services/cloud').setTransport(done);
    await page.lifecycle('onLoad', { orderId: 'ord-fruit-0' });
    expect(page.exists('.order__line-aftersale')).toBe(false);
    await page.tap('.order__review');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/review/index?orderId=ord-fruit-0' });
  });
});
