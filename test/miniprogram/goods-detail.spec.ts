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

    expect(transport.calls).toEqual([{ name: 'catalog', data: { action: 'detail', goodsId: 'gds-longjing-250' } }]);
    expect(page.text('.detail__price')).toBe('¥198.00');
    expect(page.text('.detail__original')).toBe('¥328.00');
    expect(page.text('.detail__title')).toBe('西湖龙井 明前特级 礼盒装');
    expect(page.text('.detail__shop')).toContain('杭州茗香茶庄');
    expect(page.text('.detail__spec')).toContain('请选择 包装 规格');
    expect(page.findAll('.detail__intro-image')).toHaveLength(1);
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '西湖龙井 明前特级 礼盒装' });
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
