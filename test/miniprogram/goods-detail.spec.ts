import { longjingDetail } from './fixtures/catalog';
import { cartWithLines } from './fixtures/cart';
import { loadPage, type LoadedPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const DETAIL = 'packages/goods/detail/index';
const VALUES = '.detail__picker >>> .sku-picker__value';

function valueStates(page: LoadedPage): string[] {
  return page.findAll(VALUES).map((node) => {
    const classes = node.dom?.className ?? '';
    const flag = classes.includes('--disabled') ? '×' : classes.includes('--selected') ? '✓' : '';
    return `${node.dom?.textContent?.trim()}${flag}`;
  });
}

async function pickValue(page: LoadedPage, value: string): Promise<void> {
  const node = page.findAll(VALUES).find((candidate) => candidate.dom?.textContent?.trim() === value);
  if (!node) throw new Error(`no spec value ${value}`);
  await page.tap(node);
}

describe('goods detail page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('loads the goods by id and shows price, title, shop and details', async () => {
    const transport = stubTransport({ 'catalog.detail': ok(longjingDetail) });
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport });

    // the detail first; reviews, the favourite star and the history entry follow and may fail quietly
    expect(transport.calls[0]).toEqual({ name: 'catalog', data: { action: 'detail', goodsId: 'gds-longjing-250' } });
    expect(page.data.status).toBe('ready');
    expect(page.text('.detail__price')).toBe('¥198.00');
    expect(page.text('.detail__original')).toBe('¥328.00');
    expect(page.text('.detail__title')).toBe('西湖龙井 明前特级 礼盒装');
    expect(page.text('.detail__shop')).toContain('杭州茗香茶庄');
    expect(page.text('.detail__spec')).toContain('请选择 包装 规格');
    expect(page.findAll('.detail__intro-image')).toHaveLength(1);
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '西湖龙井 明前特级 礼盒装' });
  });

  it('shows the rating and newest reviews, toggles the favourite, records the visit and opens the shop', async () => {
    const review = { id: 'rv-1', goodsId: 'gds-longjing-250', specText: '礼盒装 / 250g', displayName: '王**', stars: 5, text: '茶香浓郁', photos: ['https://img.example.com/r1.jpg'], createdAt: Date.UTC(2026, 5, 1), reply: { text: '感谢支持', at: Date.UTC(2026, 5, 2) } };
    const transport = stubTransport({
      'catalog.detail': ok(longjingDetail),
      'review.summary': ok({ count: 12, average: 4.8, goodRate: 92, stars: [0, 0, 1, 0, 11], withPhotos: 3 }),
      'review.listForGoods': ok({ items: [review], nextCursor: 'x' }),
      'favorite.status': ok({ favorite: false }),
      'favorite.record': ok({}),
      'favorite.add': ok({ favorite: true }),
      'favorite.remove': ok({ removed: 1 }),
    });
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport });

    expect(transport.calls.map((c) => `${c.name}.${c.data.action}`).sort()).toEqual(['catalog.detail', 'favorite.record', 'favorite.status', 'review.listForGoods', 'review.summary']);
    expect(transport.calls.find((c) => c.data.action === 'listForGoods')?.data).toEqual({ action: 'listForGoods', goodsId: 'gds-longjing-250', pageSize: 2 });
    expect(page.text('.detail__reviews-title')).toBe('商品评价（12）');
    expect(page.text('.detail__reviews-rate')).toBe('好评率 92%');
    expect(page.texts('.review-item__text')).toEqual(['茶香浓郁']);
    expect(page.text('.review-item__reply')).toBe('商家回复：感谢支持');

    expect(page.text('.detail__bar-favorite')).toBe('收藏');
    await page.tap('.detail__bar-favorite');
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'add', goodsId: 'gds-longjing-250' });
    expect(page.text('.detail__bar-favorite')).toBe('已收藏');
    await page.tap('.detail__bar-favorite');
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'remove', goodsIds: ['gds-longjing-250'] });
    expect(page.text('.detail__bar-favorite')).toBe('收藏');

    await page.tap('.detail__reviews-head');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/goods/reviews/index?goodsId=gds-longjing-250' });
    await page.tap('.detail__bar-shop');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/goods/shop/index?shopId=${longjingDetail.shop.id}` });
  });

  it('puts the star back when the favourite cannot be saved', async () => {
    const transport = stubTransport({ 'catalog.detail': ok(longjingDetail), 'favorite.status': ok({ favorite: false }), 'favorite.add': fail('FAVORITES_FULL', '收藏夹已满（最多 500 件），请先清理') });
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport });
    expect(page.data.status).toBe('ready');
    expect(page.exists('.review-item')).toBe(false);
    await page.tap('.detail__bar-favorite');
    expect(page.text('.detail__bar-favorite')).toBe('收藏');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '收藏夹已满（最多 500 件），请先清理', icon: 'none' });
  });

  it('greys out spec values no SKU in stock has, then adds the picked SKU and quantity to the cart', async () => {
    const transport = stubTransport({ 'catalog.detail': ok(longjingDetail), 'cart.add': ok(cartWithLines) });
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport });

    await page.tap('.detail__add');
    expect(page.data.pickerVisible).toBe(true);
    expect(page.exists('.detail__picker >>> .sku-picker__buy')).toBe(false);
    expect(valueStates(page)).toEqual(['礼盒装', '简装', '250g', '500g']);

    await pickValue(page, '礼盒装');
    // 礼盒装 250g is sold out; 简装 stays available (简装 250g has stock).
    expect(valueStates(page)).toEqual(['礼盒装✓', '简装', '250g×', '500g']);
    await pickValue(page, '250g');
    expect(valueStates(page)).toEqual(['礼盒装✓', '简装', '250g×', '500g']);

    await page.tap('.detail__picker >>> .sku-picker__add');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请选择 规格', icon: 'none' });
    expect(transport.calls.filter((call) => call.name === 'cart')).toHaveLength(0);

    await pickValue(page, '500g');
    expect(page.text('.detail__picker >>> .sku-picker__price')).toBe('¥498.00');
    expect(page.text('.detail__picker >>> .sku-picker__stock')).toBe('库存 12 件');
    await page.tap('.detail__picker >>> .sku-picker__stepper >>> .t-stepper__plus');
    expect(page.text('.detail__spec')).toContain('礼盒装 / 500g，2件');

    await page.tap('.detail__picker >>> .sku-picker__add');

    expect(transport.calls.at(-1)).toEqual({ name: 'cart', data: { action: 'add', skuId: 'sku-gift-500', quantity: 2 } });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已加入购物车', icon: 'success' });
    expect(page.data.pickerVisible).toBe(false);
  });

  it('shows why adding failed and keeps the picker open', async () => {
    const transport = stubTransport({ 'catalog.detail': ok(longjingDetail), 'cart.add': fail('OUT_OF_STOCK', '库存不足') });
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport });

    await page.tap('.detail__add');
    await pickValue(page, '简装');
    expect(valueStates(page)).toEqual(['礼盒装', '简装✓', '250g', '500g×']);
    await pickValue(page, '250g');
    await page.tap('.detail__picker >>> .sku-picker__add');

    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '库存不足', icon: 'none' });
    expect(page.data.pickerVisible).toBe(true);
  });

  it('buys now: stores the checkout intent and opens checkout', async () => {
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport: stubTransport({ 'catalog.detail': ok(longjingDetail) }) });

    await page.tap('.detail__buy');
    await pickValue(page, '简装');
    await pickValue(page, '250g');
    await page.tap('.detail__picker >>> .sku-picker__buy');

    expect(wx.getStorageSync('cloudmall.checkout-intent')).toEqual({ items: [{ skuId: 'sku-plain-250', quantity: 1 }], fromCart: false });
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/checkout/index' });
  });

  it('pre-picks the only SKU in stock and disables buying when off the shelf', async () => {
    const single = {
      ...longjingDetail,
      onShelf: false,
      skus: longjingDetail.skus.map((sku) => (sku.id === 'sku-gift-500' ? sku : { ...sku, stock: 0 })),
    };
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport: stubTransport({ 'catalog.detail': ok(single) }) });

    expect(page.text('.detail__spec')).toContain('礼盒装 / 500g，1件');
    expect(page.text('.detail__unavailable')).toBe('商品已下架');
    expect(page.exists('.detail__add')).toBe(false);
  });

  it('shows the empty state for goods that do not exist', async () => {
    const page = await loadPage(DETAIL, { query: { goodsId: 'gone' }, transport: stubTransport({ 'catalog.detail': fail('NOT_FOUND', '商品不存在') }) });

    expect(page.text('.page-empty')).toContain('商品不存在或已删除');
    await page.tap('.page-empty-action');
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '服务繁忙'), ok(longjingDetail)];
    const page = await loadPage(DETAIL, { query: { goodsId: 'gds-longjing-250' }, transport: stubTransport({ 'catalog.detail': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('服务繁忙');
    await page.tap('.page-retry');
    expect(page.text('.detail__title')).toBe('西湖龙井 明前特级 礼盒装');
  });
});
