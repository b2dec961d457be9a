import { rejected, shopRequested, shopReturning } from './fixtures/aftersale';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

describe('shop after-sales list', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('lists requests waiting for the shop and opens one', async () => {
    const transport = stubTransport({ 'aftersale.shopList': ok({ items: [shopRequested], nextCursor: null }) });
    const page = await loadPage('packages/shop/aftersales/index', { query: { shopId: 'shop-gannan' }, transport });
    expect(transport.calls[0]!.data).toEqual({ action: 'shopList', shopId: 'shop-gannan', status: 'requested', pageSize: 20 });
    expect(page.text('.aftersale-card__status')).toBe('待商家处理');
    expect(page.text('.aftersale-card__amount')).toBe('¥39.90');
    await page.tap('.aftersale-card');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/aftersale-detail/index?shopId=shop-gannan&id=as-1' });
  });

  it('shows the empty state', async () => {
    const page = await loadPage('packages/shop/aftersales/index', { query: { shopId: 'shop-gannan' }, transport: stubTransport({ 'aftersale.shopList': ok({ items: [], nextCursor: null }) }) });
    expect(page.exists('.page-empty')).toBe(true);
  });
});

describe('shop after-sale detail', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('rejects only with a reason, and confirms a returned parcel', async () => {
    const transport = stubTransport({ 'aftersale.shopDetail': ok(shopRequested), 'aftersale.reject': ok(rejected) });
    const page = await loadPage('packages/shop/aftersale-detail/index', { query: { shopId: 'shop-gannan', id: 'as-1' }, transport });
    expect(page.text('.as-detail__status')).toBe('待商家处理');
    expect(page.text('.as-detail__description')).toBe('有两个烂果');
    await page.tap('.as-detail__reject-start');
    await page.tap('.as-detail__reject');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请填写拒绝原因', icon: 'none' });
    await page.trigger('.as-detail__reject-input', 'change', { value: '商品无质量问题' });
    await page.tap('.as-detail__reject');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'reject', shopId: 'shop-gannan', id: 'as-1', reason: '商品无质量问题' });
    expect(page.text('.as-detail__status')).toBe('商家已拒绝');
    expect(page.text('.as-detail__reject-reason')).toBe('拒绝原因：商品无质量问题');
    expect(page.exists('.as-detail__decide')).toBe(false);
  });

  it('approves with a note, confirms the return, and reports a state change', async () => {
    const transport = stubTransport({
      'aftersale.shopDetail': ok(shopRequested),
      'aftersale.approve': ok({ ...shopRequested, status: 'awaiting_return', actions: [] }),
    });
    const page = await loadPage('packages/shop/aftersale-detail/index', { query: { shopId: 'shop-gannan', id: 'as-1' }, transport });
    await page.trigger('.as-detail__note', 'change', { value: '请寄回赣州' });
    await page.tap('.as-detail__approve');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'approve', shopId: 'shop-gannan', id: 'as-1', note: '请寄回赣州' });
    expect(page.text('.as-detail__status')).toBe('待寄回商品');

    const later = stubTransport({ 'aftersale.shopDetail': ok(shopReturning), 'aftersale.confirmReturn': fail('AFTER_SALE_STATE_INVALID', '售后申请状态已变化，请刷新') });
    page.moduleOf<typeof import('../../miniprogram/services/cloud')>('services/cloud').setTransport(later);
    await page.lifecycle('onPullDownRefresh');
    expect(page.text('.as-detail__return')).toBe('中通快递 ZT7788');
    await page.tap('.as-detail__confirm-return');
    expect(later.calls.map((c) => c.data.action)).toEqual(['shopDetail', 'confirmReturn', 'shopDetail']);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '售后申请状态已变化，请刷新', icon: 'none' });
  });
});
