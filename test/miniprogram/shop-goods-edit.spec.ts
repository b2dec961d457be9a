import { expandSkus } from '../../domain/catalog/sku-matrix';
import { combinations, emptyForm, comboKey, regenerateRows, toGoodsInput } from '../../miniprogram/packages/shop/goods-edit/goods-form';
import { categoryTree, goodsDetail } from './fixtures/shop';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

/** A call's payload as the stub sees it. */
type Data = Record<string, any>;
const PAGE = 'packages/shop/goods-edit/index';

describe('goods form rows', () => {
  it('generate the same combinations, in the same order, as the domain SKU matrix', () => {
    const specs = [
      { name: '颜色', values: ['红', '蓝', '绿'] },
      { name: '尺码', values: ['S', 'M'] },
      { name: '款式', values: ['长', '短'] },
    ];
    for (const n of [0, 1, 2, 3]) {
      expect(combinations(specs.slice(0, n))).toEqual(expandSkus(specs.slice(0, n)).map((c) => c.specValues));
    }
  });

  it('keep what was typed into combinations that remain, whatever the dimension order', () => {
    const rows = regenerateRows([{ name: '颜色', values: ['红'], input: '' }, { name: '尺码', values: ['S'], input: '' }], []);
    rows[0]!.price = '9.90';
    const swapped = regenerateRows([{ name: '尺码', values: ['S', 'M'], input: '' }, { name: '颜色', values: ['红'], input: '' }], rows);
    expect(swapped.map((r) => [r.specText, r.price])).toEqual([['S / 红', '9.90'], ['M / 红', '']]);
    expect(comboKey({ b: '1', a: '2' })).toBe(comboKey({ a: '2', b: '1' }));
  });

  it('refuse a spec name that cannot be a field name before sending anything', () => {
    const form = { ...emptyForm(), title: '苹果', images: ['cloud://x/a.jpg'], categoryId: 'c' };
    for (const [name, problem] of [
      ['__proto__', '规格名称「__proto__」是保留名，请换一个'],
      ['constructor', '规格名称「constructor」是保留名，请换一个'],
      ['重.量', '规格名称不能包含 .'],
      ['$set', '规格名称不能以 $ 开头'],
    ]) {
      const specs = [{ name, values: ['5斤'], input: '' }];
      expect(toGoodsInput({ ...form, specs, rows: regenerateRows(specs, []) }, 's', '')).toEqual({ problem });
    }
  });
});

describe('goods edit page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('edits a goods item: stock goes back as a change from what was shown', async () => {
    const transport = stubTransport({ 'catalog.categories': ok(categoryTree), 'shop.getGoods': ok(goodsDetail), 'shop.saveGoods': (d: Data) => ok({ ...goodsDetail, title: d.title }) });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1', goodsId: 'g-longjing' }, transport });

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑商品' });
    expect(page.findAll('.goods-edit__image')).toHaveLength(2);
    expect(page.text('.goods-edit__category')).toContain('茶叶 / 绿茶');
    expect(page.texts('.sku-row__spec')).toEqual(['250g', '500g']);
    expect(page.data.form).toMatchObject({ title: '明前龙井', rows: [{ price: '268.00', stock: '40', baseStock: 40, code: 'LJ-250' }, { price: '498.00', stock: '0', threshold: '3' }] });
    expect(page.exists('.goods-edit__on-shelf')).toBe(false);

    await page.trigger(page.findAll('.sku-row__stock')[0]!, 'change', { value: '45' });
    await page.trigger('.goods-edit__title', 'change', { value: '明前龙井 特级' });
    await page.tap(page.findAll('.goods-edit__image >>> .t-image')[1]!); // make the second picture the cover
    await page.tap('.goods-edit__save');

    const sent = transport.calls.find((c) => c.data.action === 'saveGoods')!.data;
    expect(sent).toEqual({
      action: 'saveGoods',
      shopId: 'shop-1',
      goodsId: 'g-longjing',
      title: '明前龙井 特级',
      subtitle: '清香回甘',
      images: ['cloud://env.bucket/goods/lj-2.png', 'cloud://env.bucket/goods/lj-1.png'],
      categoryId: 'cat-green',
      specs: [{ name: '规格', values: ['250g', '500g'] }],
      skus: [
        { specValues: { 规格: '250g' }, priceFen: 26800, stock: 45, baseStock: 40, code: 'LJ-250', lowStockThreshold: 5 },
        { specValues: { 规格: '500g' }, priceFen: 49800, stock: 0, baseStock: 0, code: '', lowStockThreshold: 3 },
      ],
    });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存', icon: 'success' });
    expect(wx.navigateBack).toHaveBeenCalled();
  });

  it('creates goods: specs generate the SKU table, the batch fills it, the category comes from the picker', async () => {
    const transport = stubTransport({ 'catalog.categories': ok(categoryTree), 'shop.saveGoods': ok(goodsDetail) });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '发布商品' });
    expect(page.texts('.sku-row__spec')).toEqual(['默认规格']);

    await page.tap('.goods-edit__add-spec');
    await page.trigger('.spec__name', 'change', { value: '包装' });
    for (const value of ['礼盒', '简装', '礼盒']) {
      await page.trigger('.spec__input', 'change', { value });
      await page.tap('.spec__add-value');
    }
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '规格值重复', icon: 'none' });
    await page.tap('.goods-edit__add-spec');
    await page.trigger(page.findAll('.spec__name')[1]!, 'change', { value: '重量' });
    await page.trigger(page.findAll('.spec__input')[1]!, 'change', { value: '250g' });
    await page.tap(page.findAll('.spec__add-value')[1]!);
    expect(page.texts('.sku-row__spec')).toEqual(['礼盒 / 250g', '简装 / 250g']);

    await page.trigger('.batch__price', 'change', { value: '88' });
    await page.trigger('.batch__stock', 'change', { value: '10' });
    await page.tap('.batch__apply');
    await page.trigger('.goods-edit__title', 'change', { value: '春茶' });
    await page.tap('.goods-edit__category');
    expect(page.data.pickerVisible).toBe(true);
    await page.trigger('.goods-edit__cascader', 'change', { value: 'cat-black', selectedOptions: [{ label: '茶叶', value: 'cat-tea' }, { label: '红茶', value: 'cat-black' }] });
    expect(page.text('.goods-edit__category')).toContain('茶叶 / 红茶');

    // pictures are needed; in local mode they go to the emulator's upload gateway
    await page.tap('.goods-edit__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请至少上传一张商品图片', icon: 'none' });
    (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.png' }] });
    const uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: 'cloud://env.bucket/goods/new.png', statusCode: 200, errMsg: 'cloud.uploadFile:ok' }) }));
    (wx as any).uploadFile = uploadFile;
    await page.tap('.goods-edit__image-add');
    await page.settle();
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:9000/gateway/storage/upload', filePath: 'wxfile://tmp/a.png', name: 'file', formData: { cloudPath: expect.stringMatching(/\.png$/) }, header: { 'x-wx-openid': 'dev-shopper-1' } }));
    // shown as the emulator's URL; the local transport sends it back as the file id
    expect((page.data.form as { images: string[] }).images).toEqual(['http://127.0.0.1:9000/storage/bucket/goods/new.png']);

    // removing a value drops its rows
    await page.tap(page.findAll('.spec__value-remove')[1]!);
    expect(page.texts('.sku-row__spec')).toEqual(['礼盒 / 250g']);
    await page.tap('.goods-edit__save');
    const sent = transport.calls.find((c) => c.data.action === 'saveGoods')!.data;
    expect(sent).toEqual({
      action: 'saveGoods',
      shopId: 'shop-1',
      title: '春茶',
      subtitle: '',
      images: ['http://127.0.0.1:9000/storage/bucket/goods/new.png'], // the stub transport; the real one restores the file id
      categoryId: 'cat-black',
      specs: [{ name: '包装', values: ['礼盒'] }, { name: '重量', values: ['250g'] }],
      skus: [{ specValues: { 包装: '礼盒', 重量: '250g' }, priceFen: 8800, stock: 10, code: '', lowStockThreshold: 5 }],
      onShelf: true,
    });
  });

  it('shows combinations the goods does not sell switched off, and sends only the rows on sale', async () => {
    const partial = {
      ...goodsDetail,
      specs: [{ name: '包装', values: ['礼盒', '简装'] }, { name: '规格', values: ['250g', '500g'] }],
      skus: [
        { ...goodsDetail.skus[0]!, specValues: { 包装: '礼盒', 规格: '250g' }, specText: '礼盒 / 250g' },
        { ...goodsDetail.skus[1]!, specValues: { 包装: '礼盒', 规格: '500g' }, specText: '礼盒 / 500g' },
        { ...goodsDetail.skus[0]!, id: 'sku-plain', specValues: { 包装: '简装', 规格: '250g' }, specText: '简装 / 250g' },
      ],
    };
    const transport = stubTransport({ 'catalog.categories': ok(categoryTree), 'shop.getGoods': ok(partial), 'shop.saveGoods': ok(partial) });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1', goodsId: 'g-longjing' }, transport });
    expect(page.texts('.sku-row__spec')).toEqual(['礼盒 / 250g', '礼盒 / 500g', '简装 / 250g', '简装 / 500g']);
    expect(page.texts('.sku-row__toggle')).toEqual(['不售卖', '不售卖', '不售卖', '恢复售卖']);
    expect(page.findAll('.sku-row__price')).toHaveLength(3);

    await page.tap(page.findAll('.sku-row__toggle')[1]!); // stop selling 礼盒 / 500g
    await page.tap('.goods-edit__save');
    const sent = transport.calls.find((c) => c.data.action === 'saveGoods')!.data;
    expect((sent.skus as Data[]).map((s) => s.specValues)).toEqual([{ 包装: '礼盒', 规格: '250g' }, { 包装: '简装', 规格: '250g' }]);

    await page.tap(page.findAll('.sku-row__toggle')[3]!); // sell 简装 / 500g: it needs a price
    await page.tap('.goods-edit__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写「简装 / 500g」的价格', icon: 'none' });
  });

  it('checks the form before sending, and reloads the live figures after a conflict', async () => {
    let loads = 0;
    const transport = stubTransport({
      'catalog.categories': ok(categoryTree),
      'shop.getGoods': () => (loads++, ok(goodsDetail)),
      'shop.saveGoods': fail('CONFLICT', '规格「250g」的库存已变为38，请刷新后再改'),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1', goodsId: 'g-longjing' }, transport });
    await page.trigger(page.findAll('.sku-row__price')[1]!, 'change', { value: '0' });
    await page.tap('.goods-edit__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写「500g」的价格', icon: 'none' });
    expect(transport.calls.some((c) => c.data.action === 'saveGoods')).toBe(false);

    await page.trigger(page.findAll('.sku-row__price')[1]!, 'change', { value: '12.5' });
    await page.tap('.goods-edit__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '规格「250g」的库存已变为38，请刷新后再改', icon: 'none' });
    expect(loads).toBe(2);
    expect(wx.navigateBack).not.toHaveBeenCalled();
  });

  it('shows the empty state for goods that are gone, and the error with a retry', async () => {
    const gone = await loadPage(PAGE, { query: { shopId: 'shop-1', goodsId: 'nope' }, transport: stubTransport({ 'catalog.categories': ok(categoryTree), 'shop.getGoods': fail('NOT_FOUND', '商品不存在') }) });
    expect(gone.text('.page-empty')).toContain('商品不存在或已删除');

    const answers = [fail('INTERNAL', '分类加载失败'), ok(categoryTree)];
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'catalog.categories': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('分类加载失败');
    await page.tap('.page-retry');
    expect(page.exists('.goods-edit__save')).toBe(true);
  });
});
