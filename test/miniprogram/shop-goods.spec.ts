import { goodsItems } from './fixtures/shop';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

/** A call's payload as the stub sees it. */
type Data = Record<string, any>;
const PAGE = 'packages/shop/goods/index';

describe('shop goods list page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists the shop’s goods on the shelf, pages on, switches tabs and opens the editor', async () => {
    const transport = stubTransport({
      'shop.listGoods': (d: Data) => (d.status === 'off_shelf' ? ok({ items: [], nextCursor: null }) : d.cursor ? ok({ items: [{ ...goodsItems[0], id: 'g-3', title: '白茶' }], nextCursor: null }) : ok({ items: goodsItems, nextCursor: 'k' })),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });

    expect(transport.calls[0]!.data).toEqual({ action: 'listGoods', shopId: 'shop-1', status: 'on_shelf', pageSize: 20 });
    expect(page.texts('.goods-row__title')).toEqual(['明前龙井 250g', '碧螺春 100g']);
    expect(page.texts('.goods-row__price')).toEqual(['¥268.00', '¥99.00']);
    expect(page.texts('.goods-row__stock')).toEqual(['库存 40', '库存 2']);
    expect(page.findAll('.goods-row__low')).toHaveLength(1);

    await page.lifecycle('onReachBottom');
    expect(page.texts('.goods-row__title')).toEqual(['明前龙井 250g', '碧螺春 100g', '白茶']);
    expect(page.exists('.list-footer__end')).toBe(true);

    await page.tap(page.findAll('.goods-row__edit')[1]!);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/goods-edit/index?shopId=shop-1&goodsId=g-biluo' });
    await page.tap('.shop-goods__add');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/goods-edit/index?shopId=shop-1' });

    await page.trigger('.shop-goods__tabs', 'change', { value: 'off_shelf' });
    expect(page.text('.page-empty')).toContain('没有已下架的商品');

    await page.trigger('.shop-goods__search', 'submit', { value: ' 龙井 ' });
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'listGoods', shopId: 'shop-1', status: 'off_shelf', pageSize: 20, keyword: '龙井' });
    expect(page.text('.page-empty')).toContain('没有找到相关商品');
    await page.trigger('.shop-goods__search', 'clear');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'listGoods', shopId: 'shop-1', status: 'off_shelf', pageSize: 20 });
  });

  it('takes goods off the shelf and says so; a refusal is shown', async () => {
    const answers = [ok({ id: 'g-longjing', status: 'off_shelf' }), fail('FORBIDDEN', '店铺已被暂停营业')];
    const transport = stubTransport({ 'shop.listGoods': ok({ items: goodsItems, nextCursor: null }), 'shop.setOnShelf': () => answers.shift() });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });

    await page.tap(page.findAll('.goods-row__toggle')[0]!);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'setOnShelf', shopId: 'shop-1', goodsId: 'g-longjing', onShelf: false });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已下架', icon: 'success' });
    expect(page.findAll('.goods-row--moved')).toHaveLength(1);
    expect(page.text('.goods-row__toggle')).toBe('上架');

    await page.tap(page.findAll('.goods-row__toggle')[1]!);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '店铺已被暂停营业', icon: 'none' });
    expect(page.findAll('.goods-row--moved')).toHaveLength(1);
  });

  it('shows the empty state with a way to add goods, and the error with a retry', async () => {
    const answers = [fail('INTERNAL', '商品加载失败'), ok({ items: [], nextCursor: null })];
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'shop.listGoods': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('商品加载失败');
    await page.tap('.page-retry');
    expect(page.text('.page-empty')).toContain('还没有出售中的商品');
    await page.tap('.page-empty-action');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/goods-edit/index?shopId=shop-1' });
  });
});
