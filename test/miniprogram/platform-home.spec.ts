import { dashboard } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/home/index';

describe('platform home page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the figures and opens every admin area', async () => {
    const answer = deferred<unknown>();
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.dashboard': () => answer.promise }) });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok(dashboard));
    await page.settle();

    expect(page.texts('.ph__figure-value')).toEqual(['2', '3', '1']);
    expect(page.texts('.ph__figure-label')).toEqual(['待审核申请', '营业中店铺', '已暂停店铺']);
    expect(page.text('.ph__entry--applications')).toContain('2 个待审核');
    expect(page.text('.ph__entry--shops')).toContain('1 家已暂停');

    const urls: string[] = [];
    for (const entry of page.findAll('.ph__entry')) {
      await page.tap(entry);
      urls.push((wx.navigateTo as jest.Mock).mock.lastCall[0].url);
    }
    expect(urls).toEqual([
      '/packages/platform/applications/index',
      '/packages/platform/shops/index',
      '/packages/platform/categories/index',
      '/packages/platform/banners/index',
      '/packages/platform/finance/index',
      '/packages/platform/commission/index',
    ]);
    await page.tap('.ph__figure--pending');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/platform/applications/index' });
  });

  it('shows a refusal with a retry, and refreshes on pull-down and when shown again', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok(dashboard), ok({ ...dashboard, pendingApplications: 0 }), ok({ ...dashboard, pendingApplications: 5 })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'platform.dashboard': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');

    await page.tap('.page-retry');
    expect(page.texts('.ph__figure-value')[0]).toBe('2');
    await page.lifecycle('onPullDownRefresh');
    expect(page.texts('.ph__figure-value')[0]).toBe('0');
    expect(page.text('.ph__entry--applications')).not.toContain('待审核');
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
    await page.lifecycle('onShow');
    expect(page.texts('.ph__figure-value')[0]).toBe('5');
  });
});
