import { adminShops } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/shops/index';

describe('platform shops page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists shops, searches by name and filters by status', async () => {
    const transport = stubTransport({ 'merchant.listShops': (d: { keyword?: string; status?: string }) => ok({ items: adminShops.filter((s) => (!d.status || s.status === d.status) && (!d.keyword || s.name.includes(d.keyword))), nextCursor: null }) });
    const page = await loadPage(PAGE, { transport });

    expect(transport.calls[0]!.data).toEqual({ action: 'listShops', pageSize: 20 });
    expect(page.texts('.ps-item__name')).toEqual(['沪上鲜果铺', '弄堂衣橱']);
    expect(page.texts('.ps-item__status')).toEqual(['营业中', '已暂停']);
    expect(page.texts('.ps-item__meta')[0]).toMatch(/^20 件商品 · 2026-11-\d\d 入驻$/);
    expect(page.texts('.ps-item__toggle')).toEqual(['暂停', '恢复']);

    await page.trigger('.ps__search', 'submit', { value: ' 鲜果 ' });
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'listShops', keyword: '鲜果', pageSize: 20 });
    expect(page.texts('.ps-item__name')).toEqual(['沪上鲜果铺']);

    await page.trigger('.ps__search', 'submit', { value: '没有这家' });
    expect(page.text('.page-empty')).toContain('没有名称包含「没有这家」的店铺');
    await page.trigger('.ps__search', 'clear', {});
    await page.tap(page.findAll('.ps__tabs >>> .t-tabs__item')[2]!);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'listShops', status: 'suspended', pageSize: 20 });
    expect(page.texts('.ps-item__name')).toEqual(['弄堂衣橱']);
  });

  it('suspends and reinstates after a confirmation', async () => {
    const transport = stubTransport({
      'merchant.listShops': ok({ items: adminShops, nextCursor: null }),
      'merchant.suspendShop': ok({ id: 'shop-fresh', name: '沪上鲜果铺', status: 'suspended' }),
      'merchant.reinstateShop': fail('INTERNAL', '服务开小差了，请稍后重试'),
    });
    const page = await loadPage(PAGE, { transport });

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    await page.tap('.ps-item__suspend');
    expect(transport.calls.some((c) => c.data.action === 'suspendShop')).toBe(false);

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap('.ps-item__suspend');
    expect((wx.showModal as jest.Mock).mock.lastCall[0].content).toContain('已有订单照常处理');
    expect(transport.calls.find((c) => c.data.action === 'suspendShop')!.data).toEqual({ action: 'suspendShop', shopId: 'shop-fresh' });
    expect(page.texts('.ps-item__status')).toEqual(['已暂停', '已暂停']);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '店铺已暂停', icon: 'none' });

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap(page.findAll('.ps-item__reinstate')[1]!);
    expect(transport.calls.find((c) => c.data.action === 'reinstateShop')!.data).toEqual({ action: 'reinstateShop', shopId: 'shop-style' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '服务开小差了，请稍后重试', icon: 'none' });
    expect(page.texts('.ps-item__status')[1]).toBe('已暂停');
  });

  it('shows an error with a retry', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok({ items: adminShops, nextCursor: null })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'merchant.listShops': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');
    await page.tap('.page-retry');
    expect(page.findAll('.ps-item')).toHaveLength(2);
  });
});
