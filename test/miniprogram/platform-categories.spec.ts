import { categoryTree } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/categories/index';
const CONFIRM = '.pc__dialog >>> .t-dialog__button--confirm';

describe('platform categories page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the tree indented, hidden categories marked, and a fourth level cannot be added', async () => {
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.listCategories': ok({ categories: categoryTree }) }) });

    expect(page.texts('.pc-row__name')).toEqual(['水果生鲜', '柑橘橙柚', '脐橙', '莓果已隐藏', '数码配件']);
    expect(page.findAll('.pc-row--level3')).toHaveLength(1);
    expect(page.findAll('.pc-row--hidden')).toHaveLength(1);
    expect(page.texts('.pc-row__meta')[0]).toBe('1级 · 排序 0 · 2 个子分类');
    // the level-3 row has no "add child"
    expect(page.findAll('.pc-row__add')).toHaveLength(4);
    expect(page.texts('.pc-row__toggle')).toEqual(['隐藏', '隐藏', '隐藏', '显示', '隐藏']);
  });

  it('adds a sub-category under the chosen parent and reloads', async () => {
    const trees = [categoryTree, [...categoryTree, { ...categoryTree[1]!, id: 'cat-new', name: '新分类', sort: 2 }]];
    const transport = stubTransport({
      'platform.listCategories': () => ok({ categories: trees.shift() ?? categoryTree }),
      'platform.saveCategory': (d: Record<string, unknown>) => ok({ id: 'cat-new', level: 2, status: 'active', path: ['cat-digital', 'cat-new'], ...d }),
    });
    const page = await loadPage(PAGE, { transport });

    await page.tap(page.findAll('.pc-row__add')[3]!); // 数码配件
    expect(page.data.editorVisible).toBe(true);
    expect(page.text('.pc__parent')).toContain('数码配件');
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写分类名称', icon: 'none' });
    page.trigger('.pc__name', 'change', { value: ' 耳机 ' });
    page.trigger('.pc__sort', 'change', { value: '1.5' });
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '排序请填写 -9999 到 9999 的整数', icon: 'none' });
    page.trigger('.pc__sort', 'change', { value: '3' });
    await page.tap(CONFIRM);

    expect(transport.calls.find((c) => c.data.action === 'saveCategory')!.data).toEqual({ action: 'saveCategory', name: '耳机', parentId: 'cat-digital', sort: 3, iconUrl: '' });
    expect(page.data.editorVisible).toBe(false);
    expect(transport.calls.filter((c) => c.data.action === 'listCategories')).toHaveLength(2);
  });

  it('edits and moves: parents offered leave out itself, its subtree and places too deep', async () => {
    const transport = stubTransport({
      'platform.listCategories': ok({ categories: categoryTree }),
      'platform.saveCategory': fail('CONFLICT', '该分类下有3件商品，不能移动；请先把商品改到其他分类'),
    });
    const page = await loadPage(PAGE, { transport });

    await page.tap(page.findAll('.pc-row__edit')[1]!); // 柑橘橙柚 (has a child)
    const parents = (page.data.parents as Array<{ id: string | null }>).map((p) => p.id);
    // itself and its child are out, and so is every level-2 category (the subtree spans 2 levels)
    expect(parents).toEqual([null, 'cat-fruit', 'cat-digital']);
    expect(page.data.form).toMatchObject({ id: 'cat-fruit-citrus', name: '柑橘橙柚', sort: '0', parentIndex: 1 });

    page.find('.pc__parent')!.dispatchEvent('change', { detail: { value: 2 } });
    await page.settle();
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'saveCategory')!.data).toEqual({ action: 'saveCategory', id: 'cat-fruit-citrus', name: '柑橘橙柚', parentId: 'cat-digital', sort: 0, iconUrl: '' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '该分类下有3件商品，不能移动；请先把商品改到其他分类', icon: 'none' });
    expect(page.data.editorVisible).toBe(true);
  });

  it('uploads an icon', async () => {
    (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/icon.png' }] });
    (wx as any).uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: 'cloud://env.bucket/platform/categories/icon.png' }) }));
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.listCategories': ok({ categories: categoryTree }) }) });
    await page.tap('.pc__add-top');
    await page.tap('.pc__icon');
    expect(page.data.form).toMatchObject({ iconUrl: 'http://127.0.0.1:9000/storage/bucket/platform/categories/icon.png' });
    await page.tap('.pc__icon-clear');
    expect(page.data.form).toMatchObject({ iconUrl: '' });
  });

  it('hides, shows and deletes; a refused delete says why', async () => {
    const transport = stubTransport({
      'platform.listCategories': ok({ categories: categoryTree }),
      'platform.setCategoryStatus': (d: { id: string; status: string }) => ok({ ...categoryTree[0]!, id: d.id, status: d.status }),
      'platform.deleteCategory': fail('CONFLICT', '请先删除或移走2个下级分类'),
    });
    const page = await loadPage(PAGE, { transport });

    await page.tap(page.findAll('.pc-row__toggle')[0]!);
    expect(transport.calls.find((c) => c.data.action === 'setCategoryStatus')!.data).toEqual({ action: 'setCategoryStatus', id: 'cat-fruit', status: 'hidden' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已隐藏，顾客看不到该分类及其子分类', icon: 'none' });
    await page.tap(page.findAll('.pc-row__toggle')[3]!);
    expect(transport.calls.at(-2)!.data).toEqual({ action: 'setCategoryStatus', id: 'cat-fruit-berry', status: 'active' });

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap(page.findAll('.pc-row__delete')[0]!);
    expect(transport.calls.find((c) => c.data.action === 'deleteCategory')!.data).toEqual({ action: 'deleteCategory', id: 'cat-fruit' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请先删除或移走2个下级分类', icon: 'none' });
  });

  it('shows the empty tree with an add action, and errors with a retry', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok({ categories: [] })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.listCategories': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');
    await page.tap('.page-retry');
    expect(page.text('.page-empty')).toContain('还没有分类');
    await page.tap('.page-empty-action');
    expect(page.data.editorVisible).toBe(true);
    expect(page.data.parents).toEqual([{ id: null, label: '无（一级分类）' }]);
  });
});
