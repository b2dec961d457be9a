import { banners } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/banners/index';
const CONFIRM = '.pb__dialog >>> .t-dialog__button--confirm';

describe('platform banners page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists banners with their links, hidden ones marked', async () => {
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.listBanners': ok({ banners }) }) });
    expect(page.texts('.pb-item__title')).toEqual(['秋季鲜果节', '数码满减已隐藏']);
    expect(page.texts('.pb-item__meta')).toEqual(['分类 cat-fruit · 排序 0', '搜索「耳机」 · 排序 1']);
    expect(page.findAll('.pb-item--hidden')).toHaveLength(1);
  });

  it('creates a banner: uploads the image, picks a link and checks the form', async () => {
    (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/banner.png' }] });
    (wx as any).uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: 'cloud://env.bucket/platform/banners/b.png' }) }));
    const transport = stubTransport({
      'platform.listBanners': ok({ banners }),
      'platform.saveBanner': (d: Record<string, unknown>) => ok({ id: 'banner-new', updatedAt: 1, ...d }),
    });
    const page = await loadPage(PAGE, { transport });

    await page.tap('.pb__add');
    expect(page.data.editorVisible).toBe(true);
    page.trigger('.pb__title', 'change', { value: '新人专享' });
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请上传图片', icon: 'none' });
    expect(page.text('.pb__image')).toContain('上传图片');
    await page.tap('.pb__image');
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ formData: { cloudPath: expect.stringMatching(/^platform\/banners\/.*\.png$/) } }));

    page.find('.pb__link-type')!.dispatchEvent('change', { detail: { value: 1 } });
    await page.settle();
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写商品 ID', icon: 'none' });
    page.trigger('.pb__link-value', 'change', { value: 'goods-001' });
    page.trigger('.pb__sort', 'change', { value: '5' });
    page.trigger('.pb__active', 'change', { value: false });
    await page.tap(CONFIRM);

    expect(transport.calls.find((c) => c.data.action === 'saveBanner')!.data).toEqual({
      action: 'saveBanner',
      title: '新人专享',
      imageUrl: 'http://127.0.0.1:9000/storage/bucket/platform/banners/b.png', // the stub transport; the real one restores the file id
      link: { type: 'goods', goodsId: 'goods-001' },
      sort: 5,
      status: 'hidden',
    });
    expect(page.data.editorVisible).toBe(false);
    expect(transport.calls.filter((c) => c.data.action === 'listBanners')).toHaveLength(2);
  });

  it('edits an existing banner; a refusal keeps the dialog open', async () => {
    const transport = stubTransport({ 'platform.listBanners': ok({ banners }), 'platform.saveBanner': fail('INVALID_ARGUMENT', '链接的分类不存在') });
    const page = await loadPage(PAGE, { transport });

    await page.tap(page.findAll('.pb-item')[1]!);
    expect(page.data.form).toEqual({ id: 'banner-2', title: '数码满减', imageUrl: 'https://example.invalid/b2.png', linkIndex: 3, linkValue: '耳机', sort: '1', active: false });
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'saveBanner')!.data).toEqual({ action: 'saveBanner', id: 'banner-2', title: '数码满减', imageUrl: 'https://example.invalid/b2.png', link: { type: 'search', keyword: '耳机' }, sort: 1, status: 'hidden' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '链接的分类不存在', icon: 'none' });
    expect(page.data.editorVisible).toBe(true);
  });

  it('deletes after a confirmation', async () => {
    const lists = [banners, [banners[1]!]];
    const transport = stubTransport({ 'platform.listBanners': () => ok({ banners: lists.shift() ?? [] }), 'platform.deleteBanner': ok({ id: 'banner-1' }) });
    const page = await loadPage(PAGE, { transport });
    await page.tap(page.findAll('.pb-item')[0]!);
    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap('.pb__delete');
    expect(transport.calls.find((c) => c.data.action === 'deleteBanner')!.data).toEqual({ action: 'deleteBanner', id: 'banner-1' });
    expect(page.texts('.pb-item__title')).toEqual(['数码满减已隐藏']);
  });

  it('shows the empty state with an add action, and errors with a retry', async () => {
    const answers = [fail('NETWORK', '网络开小差了，请检查网络后重试'), ok({ banners: [] })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.listBanners': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('网络开小差了');
    await page.tap('.page-retry');
    expect(page.text('.page-empty')).toContain('还没有轮播图');
    await page.tap('.page-empty-action');
    expect(page.data.editorVisible).toBe(true);
  });
});
