import { categoryTree } from './fixtures/catalog';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const CATEGORY = 'pages/category/index';

describe('category page', () => {
  it('shows loading, then the top categories and the children of the first', async () => {
    const answer = deferred<unknown>();
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': () => answer.promise }) });
    expect(page.exists('.page-loading')).toBe(true);

    answer.resolve(ok(categoryTree));
    await page.settle();

    expect(page.texts('.category__side-item')).toEqual(['茶饮冲调', '新鲜水果', '居家日用']);
    expect(page.data.activeId).toBe('cat-tea');
    expect(page.text('.category__all')).toBe('全部茶饮冲调');
    expect(page.texts('.category__child')).toEqual(['绿茶', '红茶']);
  });

  it('switches the children when another category is chosen, with third-level sections', async () => {
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': ok(categoryTree) }) });

    await page.tap(page.findAll('.category__side-item')[1]);

    expect(page.data.activeId).toBe('cat-fruit');
    expect(page.texts('.category__section-title')).toEqual(['柑橘橙柚']);
    expect(page.texts('.category__child')).toEqual(['脐橙', '柚子']);
  });

  it('opens the search on a tapped category, a section or the whole top category', async () => {
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': ok(categoryTree) }) });

    await page.tap(page.findAll('.category__child')[1]);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/goods/search/index?categoryId=cat-tea-black&title=${encodeURIComponent('红茶')}` });

    await page.tap('.category__all');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/goods/search/index?categoryId=cat-tea&title=${encodeURIComponent('茶饮冲调')}` });

    await page.tap(page.findAll('.category__side-item')[1]);
    await page.tap('.category__section-title');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/goods/search/index?categoryId=cat-fruit-citrus&title=${encodeURIComponent('柑橘橙柚')}` });
  });

  it('says so when a category has no children', async () => {
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': ok(categoryTree) }) });

    await page.tap(page.findAll('.category__side-item')[2]);

    expect(page.exists('.category__child')).toBe(false);
    expect(page.text('.category__no-children')).toBe('该分类下暂无子分类');
  });

  it('selects the category another page asked for on show', async () => {
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': ok(categoryTree) }) });
    const intent = page.moduleOf<typeof import('../../miniprogram/shared/category-intent')>('shared/category-intent');

    intent.openCategoryTab('cat-fruit');
    await page.lifecycle('onShow');

    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
    expect(page.data.activeId).toBe('cat-fruit');
    expect(page.texts('.category__child')).toEqual(['脐橙', '柚子']);
    expect(intent.takePendingCategoryId()).toBeNull();
  });

  it('shows the empty state when there are no categories', async () => {
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': ok({ categories: [] }) }) });

    expect(page.text('.page-empty')).toBe('暂无商品分类');
  });

  it('shows the error with a retry button', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answers = [fail('INTERNAL', '分类加载失败'), ok(categoryTree)];
    const page = await loadPage(CATEGORY, { transport: stubTransport({ 'catalog.categories': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('分类加载失败');
    await page.tap('.page-retry');

    expect(page.texts('.category__child')).toEqual(['绿茶', '红茶']);
  });
});
