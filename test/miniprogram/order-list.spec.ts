import type { OrderSummary, Page } from '../../miniprogram/services/contracts';
import { pendingSummary, shippedSummary } from './fixtures/order';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const ORDER_LIST = 'packages/order/list/index';
const page1: Page<OrderSummary> = { items: [pendingSummary], nextCursor: 'c2' };
const page2: Page<OrderSummary> = { items: [shippedSummary], nextCursor: null };

describe('order list page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('opens on the tab asked for, shows the orders, and loads more at the bottom', async () => {
    const answers = [ok(page1), ok(page2)];
    const transport = stubTransport({ 'order.list': () => answers.shift() });
    const page = await loadPage(ORDER_LIST, { query: { status: 'pending_payment' }, transport });

    expect(page.texts('.orders__tabs >>> .t-tabs__item')).toEqual(['全部', '待付款', '待发货', '待收货', '已完成', '已取消']);
    expect(page.data.activeTab).toBe('pending_payment');
    expect(page.texts('.order-card__shop')).toEqual(['杭州茗香茶庄']);
    expect(page.texts('.order-card__status')).toEqual(['待付款']);
    expect(page.text('.order-card__pay')).toBe('¥480.71');
    expect(page.text('.order-card__foot')).toContain('共1件');

    await page.lifecycle('onReachBottom');

    expect(transport.calls.map((call) => call.data)).toEqual([
      { action: 'list', status: 'pending_payment', pageSize: 20 },
      { action: 'list', status: 'pending_payment', cursor: 'c2', pageSize: 20 },
    ]);
    expect(page.texts('.order-card__status')).toEqual(['待付款', '待收货']);
    expect(page.text('.list-footer__end')).toBe('没有更多了');
  });

  it('switches tabs, dropping an answer for the tab left behind', async () => {
    const slow = deferred<unknown>();
    const transport = stubTransport({ 'order.list': (data: { status: string }) => (data.status === 'all' ? slow.promise : ok({ items: [shippedSummary], nextCursor: null })) });
    const page = await loadPage(ORDER_LIST, { transport });
    expect(page.exists('.page-loading')).toBe(true);

    await page.tap(page.findAll('.orders__tabs >>> .t-tabs__item')[3]!);
    slow.resolve(ok(page1));
    await page.settle();

    expect(page.data.activeTab).toBe('shipped');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'list', status: 'shipped', pageSize: 20 });
    expect(page.texts('.order-card__status')).toEqual(['待收货']);
  });

  it('opens an order and refreshes when coming back to the list', async () => {
    const answers = [ok(page1), ok({ items: [], nextCursor: null })];
    const transport = stubTransport({ 'order.list': () => answers.shift() });
    const page = await loadPage(ORDER_LIST, { transport });

    await page.tap('.order-card');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/detail/index?orderId=ord-tea-1' });

    await page.lifecycle('onShow');
    expect(transport.calls).toHaveLength(2);
    expect(page.text('.page-empty')).toContain('暂无相关订单');
  });

  it('refreshes on pull-down', async () => {
    const answers = [ok(page1), ok(page2)];
    const page = await loadPage(ORDER_LIST, { transport: stubTransport({ 'order.list': () => answers.shift() }) });

    await page.lifecycle('onPullDownRefresh');

    expect(page.texts('.order-card__status')).toEqual(['待收货']);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('shows the empty state', async () => {
    const page = await loadPage(ORDER_LIST, { transport: stubTransport({ 'order.list': ok({ items: [], nextCursor: null }) }) });

    expect(page.text('.page-empty')).toContain('暂无相关订单');
    await page.tap('.page-empty-action');
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('UNAUTHENTICATED', '请先登录'), ok(page2)];
    const page = await loadPage(ORDER_LIST, { transport: stubTransport({ 'order.list': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('请先登录');
    await page.tap('.page-retry');
    expect(page.texts('.order-card__status')).toEqual(['待收货']);
  });
});
