import { created, paidPayment, paymentParams, quote, quoteWithBothCoupons, quoteWithoutCoupons, unpaidPayment } from './fixtures/order';
import { officeAddress } from './fixtures/user';
import { loadPage, type LoadedPage } from './support/load-page';
import { deferred, fail, ok, stubTransport, type StubTransport } from './support/stub-transport';

const CHECKOUT = 'packages/order/checkout/index';
const INTENT_KEY = 'cloudmall.checkout-intent';
const ITEMS = [
  { skuId: 'sku-gift-500', quantity: 1 },
  { skuId: 'sku-orange-5kg', quantity: 2 },
];

const requestPayment = () => wx.requestPayment as unknown as jest.Mock;
const actions = (transport: StubTransport) => transport.calls.map((call) => `${call.name}.${call.data.action}`);

async function openCheckout(answers: Record<string, unknown>): Promise<{ page: LoadedPage; transport: StubTransport }> {
  wx.setStorageSync(INTENT_KEY, { items: ITEMS, fromCart: true });
  const transport = stubTransport({ 'order.quote': ok(quote), ...answers });
  const page = await loadPage(CHECKOUT, { transport });
  return { page, transport };
}

describe('checkout page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('quotes the items from the intent and shows address, shops, lines and the server amounts', async () => {
    wx.setStorageSync(INTENT_KEY, { items: ITEMS, fromCart: true });
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'order.quote': () => answer.promise });
    const page = await loadPage(CHECKOUT, { transport });
    expect(page.exists('.page-loading')).toBe(true);

    answer.resolve(ok(quote));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'quote', items: ITEMS, fromCart: true });
    expect(page.text('.checkout__address-person')).toBe('林晓 13800138000');
    expect(page.text('.checkout__address-text')).toBe('上海市上海市浦东新区世纪大道100号 8楼');
    expect(page.texts('.checkout-shop__name')).toEqual(['杭州茗香茶庄', '赣南果园直供']);
    expect(page.texts('.checkout-line__price')).toEqual(['¥498.00', '¥39.90']);
    expect(page.texts('.checkout-shop__shipping')).toEqual(['包邮', '¥8.00']);
    expect(page.texts('.checkout-shop__pay')).toEqual(['¥480.71', '¥85.09']);
    expect(page.text('.checkout__goods')).toBe('¥577.80');
    expect(page.text('.checkout__shipping')).toBe('¥8.00');
    expect(page.text('.checkout__discount')).toBe('-¥20.00');
    expect(page.text('.checkout__pay')).toBe('¥565.80');
    expect(page.text('.checkout__coupons')).toContain('-¥20.00');
  });

  it('submits: order.create with the request id and the total shown, then payment.pay, then the WeChat Pay sheet', async () => {
    requestPayment().mockImplementationOnce((options: WechatMiniprogram.RequestPaymentOption) => options.success?.({ errMsg: 'requestPayment:ok' }));
    const { page, transport } = await openCheckout({ 'order.create': ok(created), 'payment.pay': ok({ params: paymentParams, payment: unpaidPayment }) });

    await page.trigger('.checkout__remark', 'change', { value: ' 请尽快发货 ' });
    const subscribe = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_ORDER_SHIPPED: 'reject' });
    (wx as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = subscribe;
    await page.tap('.checkout__submit');

    // the shipping notice is asked for within the tap; a refusal changes nothing
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['TPL_ORDER_SHIPPED'] });
    expect(actions(transport)).toEqual(['order.quote', 'order.create', 'payment.pay']);
    expect(transport.calls[1]!.data).toEqual({
      action: 'create',
      requestId: expect.stringMatching(/^chk-/),
      items: ITEMS,
      fromCart: true,
      addressId: 'addr-home',
      couponIds: ['uc-platform-20'],
      expectedPayFen: 56580,
      remark: '请尽快发货',
    });
    expect(transport.calls[2]!.data).toEqual({ action: 'pay', paymentId: 'pay-1' });
    expect(requestPayment()).toHaveBeenCalledWith(expect.objectContaining(paymentParams));
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/pay-result/index?paymentId=pay-1' });
  });

  it('goes to the pay result when the shopper closes the WeChat Pay sheet too', async () => {
    requestPayment().mockImplementationOnce((options: WechatMiniprogram.RequestPaymentOption) => options.fail?.({ errMsg: 'requestPayment:fail cancel' }));
    const { page } = await openCheckout({ 'order.create': ok(created), 'payment.pay': ok({ params: paymentParams, payment: unpaidPayment }) });

    await page.tap('.checkout__submit');

    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/pay-result/index?paymentId=pay-1' });
  });

  it('reuses the same request id when a failed submit is retried', async () => {
    const answers = [fail('NETWORK', '网络开小差了，请检查网络后重试'), ok(created)];
    requestPayment().mockImplementationOnce((options: WechatMiniprogram.RequestPaymentOption) => options.success?.({ errMsg: 'requestPayment:ok' }));
    const { page, transport } = await openCheckout({ 'order.create': () => answers.shift(), 'payment.pay': ok({ params: paymentParams, payment: paidPayment }) });

    await page.tap('.checkout__submit');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '网络开小差了，请检查网络后重试', icon: 'none' });
    expect(wx.redirectTo).not.toHaveBeenCalled();
    await page.tap('.checkout__submit');

    const creates = transport.calls.filter((call) => call.data.action === 'create');
    expect(creates).toHaveLength(2);
    expect(creates[1]!.data.requestId).toBe(creates[0]!.data.requestId);
    expect(wx.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('re-quotes when the price changed, so the shopper sees the new total', async () => {
    const quotes = [ok(quote), ok(quoteWithoutCoupons)];
    const { page, transport } = await openCheckout({ 'order.quote': () => quotes.shift(), 'order.create': fail('PRICE_CHANGED', '商品价格有变动，请确认后重新提交') });

    await page.tap('.checkout__submit');

    expect(actions(transport)).toEqual(['order.quote', 'order.create', 'order.quote']);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '商品价格有变动，请确认后重新提交', icon: 'none' });
    expect(page.text('.checkout__pay')).toBe('¥585.80');
  });

  it('picks coupons in the popup: usable ones toggle and re-quote, unusable ones show why', async () => {
    const quotes = [ok(quote), ok(quoteWithBothCoupons), ok(quoteWithoutCoupons)];
    const { page, transport } = await openCheckout({ 'order.quote': () => quotes.shift() });

    await page.tap('.checkout__coupons');
    expect(page.data.couponPickerVisible).toBe(true);
    const picker = '.checkout__coupon-picker >>> ';
    expect(page.texts(`${picker}.coupon-option__title`)).toEqual(['全场满100减20', '茗香茶庄 8.5 折', '满1000减150']);
    expect(page.texts(`${picker}.coupon-option__amount`)).toEqual(['¥20.00', '8.5折', '¥150.00']);
    expect(page.text(`${picker}.coupon-option__reason`)).toBe('还差¥422.20可用');
    expect(page.findAll(`${picker}.coupon-option--picked`)).toHaveLength(1);

    const options = page.findAll(`${picker}.coupon-option`);
    await page.tap(options[2]!);
    expect(transport.calls).toHaveLength(1);

    await page.tap(options[1]!);
    expect(transport.calls[1]!.data).toEqual({ action: 'quote', items: ITEMS, fromCart: true, couponIds: ['uc-platform-20', 'uc-tea-85'], addressId: 'addr-home' });
    expect(page.text('.checkout__pay')).toBe('¥515.80');
    expect(page.findAll(`${picker}.coupon-option--picked`)).toHaveLength(2);

    await page.tap(`${picker}.coupon-picker__clear`);
    expect(transport.calls[2]!.data.couponIds).toEqual([]);
    expect(page.data.couponPickerVisible).toBe(false);
    expect(page.text('.checkout__coupons')).toContain('2张可用');
  });

  it('keeps the quote and says why when a coupon change is refused', async () => {
    const quotes = [ok(quote), fail('COUPON_STACKING_NOT_ALLOWED', '该券不可与其他优惠券叠加使用')];
    const { page } = await openCheckout({ 'order.quote': () => quotes.shift() });

    await page.tap('.checkout__coupons');
    await page.tap(page.findAll('.checkout__coupon-picker >>> .coupon-option')[1]!);

    expect(wx.showToast).toHaveBeenCalledWith({ title: '该券不可与其他优惠券叠加使用', icon: 'none' });
    expect(page.text('.checkout__pay')).toBe('¥565.80');
  });

  it('picks another address in the address list and re-quotes for it', async () => {
    const quotes = [ok(quote), ok({ ...quote, address: officeAddress })];
    const { page, transport } = await openCheckout({ 'order.quote': () => quotes.shift() });

    await page.tap('.checkout__address');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/addresses/index?mode=select' });

    wx.setStorageSync('cloudmall.picked-address', 'addr-office');
    await page.lifecycle('onShow');

    expect(transport.calls[1]!.data).toMatchObject({ action: 'quote', addressId: 'addr-office', couponIds: ['uc-platform-20'] });
    expect(page.text('.checkout__address-text')).toBe('浙江省杭州市西湖区文三路 90 号');
  });

  it('asks for an address before submitting when there is none', async () => {
    const { page, transport } = await openCheckout({ 'order.quote': ok({ ...quote, address: null }) });

    expect(page.text('.checkout__address-missing')).toBe('请选择收货地址');
    await page.tap('.checkout__submit');

    expect(wx.showToast).toHaveBeenCalledWith({ title: '请选择收货地址', icon: 'none' });
    expect(actions(transport)).toEqual(['order.quote']);
  });

  it('shows the empty state without anything to check out', async () => {
    const page = await loadPage(CHECKOUT, { transport: stubTransport({}) });

    expect(page.text('.page-empty')).toContain('没有要结算的商品');
    await page.tap('.page-empty-action');
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
  });

  it('shows the error with a retry button', async () => {
    const quotes = [fail('OUT_OF_STOCK', '赣南脐橙 库存不足'), ok(quote)];
    const { page } = await openCheckout({ 'order.quote': () => quotes.shift() });

    expect(page.text('.page-error')).toContain('赣南脐橙 库存不足');
    await page.tap('.page-retry');
    expect(page.text('.checkout__pay')).toBe('¥565.80');
  });
});
