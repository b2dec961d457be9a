import { bpsToPercentText, percentTextToBps } from '../../miniprogram/packages/platform/commission/view-model';
import { rates } from './fixtures/finance';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/commission/index';

const tree = {
  categories: [
    { id: 'cat-tea', name: '茶叶', iconUrl: '', children: [{ id: 'cat-green', name: '绿茶', iconUrl: '', children: [] }] },
    { id: 'cat-ware', name: '茶具', iconUrl: '', children: [] },
  ],
};

describe('platform commission page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the rates as percentages, adds a category rate and saves basis points', async () => {
    const transport = stubTransport({
      'finance.getCommission': ok(rates),
      'catalog.categories': ok(tree),
      'finance.setCommission': (data: { defaultBps: number; categories: Array<{ categoryId: string; bps: number }> }) =>
        ok({ defaultBps: data.defaultBps, categories: data.categories, configured: true, updatedAt: 1 }),
    });
    const page = await loadPage(PAGE, { transport });
    expect(page.data.defaultText).toBe('5');
    expect(page.texts('.rate-row__name')).toEqual(['茶叶', '茶具']);
    expect((page.data.rows as Array<{ text: string }>).map((r) => r.text)).toEqual(['2.5', '10']);
    expect((page.data.choices as Array<{ label: string }>).map((c) => c.label)).toEqual(['茶叶 / 绿茶']);

    page.find('.commission__picker')!.dispatchEvent('change', { detail: { value: 0 } });
    await page.settle();
    expect(page.texts('.rate-row__name')).toEqual(['茶叶', '茶具', '茶叶 / 绿茶']);
    page.trigger('.commission__default', 'change', { value: '6.25' });
    page.trigger(page.findAll('.rate-row__input')[2]!, 'change', { value: '0.5' });
    await page.tap(page.findAll('.rate-row__remove')[1]!);
    await page.tap('.commission__save');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'setCommission', defaultBps: 625, categories: [{ categoryId: 'cat-tea', bps: 250 }, { categoryId: 'cat-green', bps: 50 }] });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存，对之后支付的订单生效', icon: 'none' });
    expect(page.data.defaultText).toBe('6.25');
  });

  it('refuses rates outside 0–100% or with more than two decimals before calling', async () => {
    const transport = stubTransport({ 'finance.getCommission': ok({ defaultBps: 500, categories: [], configured: false }), 'catalog.categories': ok(tree) });
    const page = await loadPage(PAGE, { transport });
    expect(page.exists('.commission__hint')).toBe(true);
    expect(page.text('.commission__none')).toBe('所有类目都按默认比例');
    for (const bad of ['101', '2.555', '-1', 'abc']) {
      page.trigger('.commission__default', 'change', { value: bad });
      await page.tap('.commission__save');
      expect(wx.showToast).toHaveBeenLastCalledWith({ title: '默认佣金比例应为 0–100 之间的数字，最多两位小数', icon: 'none' });
    }
    expect(transport.calls.some((c) => c.data.action === 'setCommission')).toBe(false);
  });

  it('shows a refusal with a retry, and a refused save in a toast', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok(rates)];
    const transport = stubTransport({
      'finance.getCommission': () => answers.shift() ?? ok(rates),
      'catalog.categories': ok(tree),
      'finance.setCommission': fail('INVALID_ARGUMENT', '分类不存在'),
    });
    const page = await loadPage(PAGE, { transport });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');
    await page.tap('.page-retry');
    await page.tap('.commission__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '分类不存在', icon: 'none' });
  });
});

describe('commission percentages', () => {
  it('turns basis points into percentages and back on the digits', () => {
    expect([0, 1, 10, 250, 505, 1000, 10_000].map(bpsToPercentText)).toEqual(['0', '0.01', '0.1', '2.5', '5.05', '10', '100']);
    expect(['0', '0.01', '0.1', '2.5', '5.05', '10', '100', ' 3 ', '7.'].map(percentTextToBps)).toEqual([0, 1, 10, 250, 505, 1000, 10_000, 300, 700]);
    expect(['100.01', '1000', '1.234', '', '.5', '-1', '1e2'].map(percentTextToBps)).toEqual([null, null, null, null, null, null, null]);
  });
});
