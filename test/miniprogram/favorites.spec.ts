import type { KeptGoods } from '../../miniprogram/services/contracts';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const FAVORITES = 'packages/user/favorites/index';
const HISTORY = 'packages/user/history/index';
const AT = Date.UTC(2026, 5, 1, 2, 0);

const kept = (goodsId: string, state: KeptGoods['state'], title = `商品${goodsId}`): KeptGoods => ({ goodsId, title, coverUrl: 'https://img.example.com/g.png', priceFen: 3990, shopName: '沪上鲜果铺', state, at: AT });

describe('favourites page', () => {
  it('lists kept goods as they are now, pages on, and opens goods that still exist', async () => {
    const transport = stubTransport({
      'favorite.list': (data: { cursor?: string }) => ok(data.cursor ? { items: [kept('g3', 'removed', '商品已删除')], nextCursor: null } : { items: [kept('g1', 'on_sale', '南汇8424西瓜'), kept('g2', 'off_shelf')], nextCursor: 'p2' }),
    });
    const page = await loadPage(FAVORITES, { transport });
    expect(page.texts('.kept-item__title')).toEqual(['南汇8424西瓜', '商品g2']);
    expect(page.texts('.kept-item__price')).toEqual(['¥39.90', '¥39.90']);
    expect(page.texts('.kept-item__state')).toEqual(['已下架']);
    await page.lifecycle('onReachBottom');
    expect(page.texts('.kept-item__title')).toEqual(['南汇8424西瓜', '商品g2', '商品已删除']);
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'list', cursor: 'p2', pageSize: 20 });

    await page.tap(page.findAll('.kept-item')[0]!);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/detail/index?goodsId=g1' });
    (wx.navigateTo as jest.Mock).mockClear();
    await page.tap(page.findAll('.kept-item')[2]!);
    expect(wx.navigateTo).not.toHaveBeenCalled();
  });

  it('管理 selects several and removes them after confirming', async () => {
    const transport = stubTransport({ 'favorite.list': ok({ items: [kept('g1', 'on_sale'), kept('g2', 'sold_out'), kept('g3', 'on_sale')], nextCursor: null }), 'favorite.remove': ok({ removed: 2 }) });
    const page = await loadPage(FAVORITES, { transport });
    await page.tap('.kept__edit');
    expect(page.text('.kept__edit')).toBe('完成');
    await page.tap(page.findAll('.kept-item')[0]!);
    await page.tap(page.findAll('.kept-item')[1]!);
    expect(wx.navigateTo).not.toHaveBeenCalled();
    expect(page.text('.kept__remove')).toContain('取消收藏（2）');
    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap('.kept__remove');
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'remove', goodsIds: ['g1', 'g2'] });
    expect(page.texts('.kept-item__title')).toEqual(['商品g3']);
    expect(page.data.editing).toBe(false);
  });

  it('shows the empty state and the error with a retry', async () => {
    const empty = await loadPage(FAVORITES, { transport: stubTransport({ 'favorite.list': ok({ items: [], nextCursor: null }) }) });
    expect(empty.text('.page-empty')).toContain('还没有收藏商品');
    await empty.tap('.page-empty-action');
    expect(wx.switchTab).toHaveBeenLastCalledWith({ url: '/pages/home/index' });

    let calls = 0;
    const page = await loadPage(FAVORITES, { transport: stubTransport({ 'favorite.list': () => (++calls === 1 ? fail('INTERNAL', '服务繁忙') : ok({ items: [kept('g1', 'on_sale')], nextCursor: null })) }) });
    expect(page.text('.page-error')).toContain('服务繁忙');
    await page.tap('.page-retry');
    expect(page.texts('.kept-item__title')).toEqual(['商品g1']);
  });
});

describe('history page', () => {
  it('lists visits latest first, removes one, clears all after confirming', async () => {
    const transport = stubTransport({
      'favorite.history': ok({ items: [kept('g1', 'on_sale'), kept('g2', 'shop_closed')], nextCursor: null }),
      'favorite.removeHistory': ok({ removed: 1 }),
      'favorite.clearHistory': ok({ removed: 1 }),
    });
    const page = await loadPage(HISTORY, { transport });
    expect(page.texts('.kept-item__title')).toEqual(['商品g1', '商品g2']);
    expect(page.texts('.kept-item__state')).toEqual(['店铺已暂停营业']);
    expect(page.text('.kept-item__time')).toMatch(/^2026-06-01 \d{2}:00 浏览$/);

    await page.tap(page.findAll('.kept-item__remove')[0]!);
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'removeHistory', goodsIds: ['g1'] });
    expect(wx.navigateTo).not.toHaveBeenCalled();
    expect(page.texts('.kept-item__title')).toEqual(['商品g2']);

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    await page.tap('.history__clear');
    expect(transport.calls.at(-1)?.data.action).toBe('removeHistory');
    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap('.history__clear');
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'clearHistory' });
    expect(page.text('.page-empty')).toContain('还没有浏览记录');
  });
});
