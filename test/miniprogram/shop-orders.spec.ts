import { shippedShopOrder, shopOrderDetail, shopOrderSummary } from './fixtures/aftersale';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

describe('shop orders page', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('lists the shop orders to ship and opens one', async () => {
    const transport = stubTransport({ 'shoporder.list': ok({ items: [shopOrderSummary], nextCursor: null }) });
    const page = await loadPage('packages/shop/orders/index', { query: { shopId: 'shop-gannan' }, transport });
    expect(transport.calls[0]!.data).toEqual({ action: 'list', shopId: 'shop-gannan', status: 'paid', pageSize: 20 });
    expect(page.text('.shop-order__buyer')).toBe('买家：林晓');
    expect(page.text('.shop-order__status')).toBe('待发货');
    expect(page.text('.shop-order__aftersale')).toBe('售后中 1');
    expect(page.text('.shop-order__pay')).toBe('¥87.80');
    await page.tap('.shop-order');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/order-detail/index?shopId=shop-gannan&orderId=ord-fruit-0' });
  });

  it('shows empty and error states', async () => {
    const transport = stubTransport({ 'shoporder.list': fail('FORBIDDEN', '无权管理该店铺') });
    const page = await loadPage('packages/shop/orders/index', { query: { shopId: 'shop-x' }, transport });
    expect(page.exists('.page-error')).toBe(true);
    expect(page.text('.page-error')).toContain('无权管理该店铺');
  });
});

describe('shop order detail page', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('shows the buyer address and ships with a carrier and tracking number', async () => {
    const transport = stubTransport({ 'shoporder.detail': ok(shopOrderDetail), 'shoporder.ship': ok(shippedShopOrder) });
    const page = await loadPage('packages/shop/order-detail/index', { query: { shopId: 'shop-gannan', orderId: 'ord-fruit-0' }, transport });
    expect(page.text('.shop-detail__status')).toBe('待发货');
    expect(page.text('.shop-detail__buyer')).toContain('林晓');
    expect(page.exists('.shop-detail__ship')).toBe(true);
    expect(page.text('.shop-detail__line-refund')).toBe('已退款 1 件');
    expect(page.text('.shop-detail__aftersale-status')).toContain('待商家处理');

    await page.tap('.shop-detail__ship-button');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请选择快递公司', icon: 'none' });
    page.find('.shop-detail__carrier')!.dispatchEvent('change', { detail: { value: 0 } });
    await page.settle();
    await page.trigger('.shop-detail__tracking', 'change', { value: 'SF1234567890' });
    await page.tap('.shop-detail__ship-button');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'ship', shopId: 'shop-gannan', orderId: 'ord-fruit-0', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(page.text('.shop-detail__status')).toBe('待收货');
    expect(page.text('.shop-detail__logistics-text')).toBe('顺丰速运 SF1234567890');
    expect(page.exists('.shop-detail__ship')).toBe(false);

    await page.tap('.shop-detail__aftersale');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/aftersale-detail/index?shopId=shop-gannan&id=as-1' });
  });

  it('saves the merchant note, and shows another shop order as missing', async () => {
    const transport = stubTransport({ 'shoporder.detail': ok(shopOrderDetail), 'shoporder.note': ok({ ...shopOrderDetail, merchantNote: '周末送' }) });
    const page = await loadPage('packages/shop/order-detail/index', { query: { shopId: 'shop-gannan', orderId: 'ord-fruit-0' }, transport });
    await page.trigger('.shop-detail__note', 'change', { value: '周末送' });
    await page.tap('.shop-detail__note-save');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'note', shopId: 'shop-gannan', orderId: 'ord-fruit-0', note: '周末送' });
    expect(page.data.note).toBe('周末送');

    const missing = stubTransport({ 'shoporder.detail': fail('NOT_FOUND', '订单不存在') });
    page.moduleOf<typeof import('../../miniprogram/services/cloud')>('services/cloud').setTransport(missing);
    await page.lifecycle('onLoad', { shopId: 'shop-gannan', orderId: 'other' });
    expect(page.exists('.page-empty')).toBe(true);
  });
});
