import { awaitingReturn, refundable, requestedAfterSale, returning } from './fixtures/aftersale';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

describe('after-sale apply page', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('offers the server maxima, and submits lines, amount, type and reason', async () => {
    const transport = stubTransport({ 'aftersale.maxRefundable': ok(refundable), 'aftersale.apply': ok(requestedAfterSale) });
    const page = await loadPage('packages/order/aftersale-apply/index', { query: { orderId: 'ord-fruit-0', line: '0' }, transport });
    expect(transport.calls[0]!.data).toEqual({ action: 'maxRefundable', orderId: 'ord-fruit-0' });
    expect(page.text('.apply__total')).toBe('¥79.80');
    expect(page.texts('.apply__type')).toEqual(['仅退款', '退货退款']);
    await page.trigger('.apply__stepper', 'change', { value: 1 });
    expect(page.text('.apply__total')).toBe('¥39.90');
    await page.trigger('.apply__amount', 'change', { value: '20' });
    expect(page.text('.apply__total')).toBe('¥20.00');
    await page.tap('.apply__submit');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请选择申请原因', icon: 'none' });
    page.find('.apply__reason')!.dispatchEvent('change', { detail: { value: 2 } });
    await page.settle();
    await page.tap('.apply__type-return_refund');
    await page.tap('.apply__submit');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'apply', orderId: 'ord-fruit-0', type: 'return_refund', lines: [{ lineIndex: 0, quantity: 1, amountFen: 2000 }], reason: '质量问题', description: '', photos: [] });
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/order/aftersale-detail/index?id=as-1' });
  });

  it('shows the refusal and an order that takes no after-sale', async () => {
    const transport = stubTransport({ 'aftersale.maxRefundable': ok({ ...refundable, types: [] }) });
    const page = await loadPage('packages/order/aftersale-apply/index', { query: { orderId: 'ord-fruit-0' }, transport });
    expect(page.exists('.page-empty')).toBe(true);
  });
});

describe('after-sale detail page', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('shows progress, takes the return parcel, and cancels after confirming', async () => {
    const transport = stubTransport({ 'aftersale.detail': ok(awaitingReturn), 'aftersale.submitReturn': ok(returning) });
    const page = await loadPage('packages/order/aftersale-detail/index', { query: { id: 'as-1' }, transport });
    expect(page.text('.as-detail__status')).toBe('待寄回商品');
    expect(page.text('.as-detail__shop-note')).toBe('商家说明：请寄回：赣州市1号');
    expect((page.data.item as { current: number }).current).toBe(2);
    page.find('.as-detail__carrier')!.dispatchEvent('change', { detail: { value: 1 } });
    await page.settle();
    await page.trigger('.as-detail__tracking', 'change', { value: 'ZT7788' });
    await page.tap('.as-detail__submit-return');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'submitReturn', id: 'as-1', carrier: '中通快递', trackingNo: 'ZT7788' });
    expect(page.text('.as-detail__return')).toBe('中通快递 ZT7788');
    expect(page.exists('.as-detail__return-form')).toBe(false);
  });

  it('cancels a request after the dialog', async () => {
    const transport = stubTransport({ 'aftersale.detail': ok(requestedAfterSale), 'aftersale.cancel': ok({ ...requestedAfterSale, status: 'cancelled', actions: [] }) });
    const page = await loadPage('packages/order/aftersale-detail/index', { query: { id: 'as-1' }, transport });
    await page.tap('.as-detail__cancel');
    await page.tap('.as-detail__dialog >>> .t-dialog__button--confirm');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'cancel', id: 'as-1' });
    expect(page.text('.as-detail__status')).toBe('已撤销');
  });
});

describe('my after-sales list', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('lists my requests and opens one; errors offer a retry', async () => {
    const transport = stubTransport({ 'aftersale.mine': ok({ items: [requestedAfterSale], nextCursor: null }) });
    const page = await loadPage('packages/order/aftersale-list/index', { transport });
    expect(page.text('.aftersale-card__type')).toBe('退货退款');
    await page.tap('.aftersale-card');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/aftersale-detail/index?id=as-1' });
  });

  it('shows an error with retry', async () => {
    const page = await loadPage('packages/order/aftersale-list/index', { transport: stubTransport({ 'aftersale.mine': fail('INTERNAL', '服务开小差了') }) });
    expect(page.exists('.page-error')).toBe(true);
  });
});
