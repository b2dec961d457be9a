import { settings } from './fixtures/shop';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

/** A call's payload as the stub sees it. */
type Data = Record<string, any>;
const PAGE = 'packages/shop/settings/index';

describe('shop settings page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('the owner edits name, announcement and shipping, and saves', async () => {
    const transport = stubTransport({ 'shop.getSettings': ok(settings), 'shop.saveSettings': (d: Data) => ok({ ...settings, name: d.name, announcement: d.announcement, shipping: d.shipping }) });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });

    expect(page.data.form).toEqual({ name: '山野茶铺', logoUrl: 'cloud://env.bucket/logo.png', announcement: '每日16点前下单当天发货', bannerUrl: '', fee: '8.00', freeThreshold: '99.00' });
    expect(page.exists('.settings__readonly')).toBe(false);
    await page.trigger('.settings__name', 'change', { value: ' 山野茶铺·旗舰 ' });
    await page.trigger('.settings__announcement', 'change', { value: '新茶上市' });
    await page.trigger('.settings__free', 'change', { value: '' });
    await page.tap('.settings__clear');
    await page.tap('.settings__save');

    expect(transport.calls.at(-1)!.data).toEqual({ action: 'saveSettings', shopId: 'shop-1', name: '山野茶铺·旗舰', logoUrl: '', announcement: '新茶上市', bannerUrl: '', shipping: { feeFen: 800, freeThresholdFen: null } });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已保存', icon: 'success' });
  });

  it('checks the form and shows a refusal', async () => {
    const transport = stubTransport({ 'shop.getSettings': ok(settings), 'shop.saveSettings': fail('FORBIDDEN', '店铺已被暂停营业') });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    await page.trigger('.settings__name', 'change', { value: '  ' });
    await page.tap('.settings__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写店铺名称', icon: 'none' });
    await page.trigger('.settings__name', 'change', { value: '店'.repeat(31) });
    await page.tap('.settings__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '店铺名称最多30个字', icon: 'none' });
    await page.trigger('.settings__name', 'change', { value: '新名字' });
    await page.trigger('.settings__fee', 'change', { value: '1.234' });
    await page.tap('.settings__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '运费格式不正确', icon: 'none' });
    expect(transport.calls.filter((c) => c.data.action === 'saveSettings')).toHaveLength(0);
    await page.trigger('.settings__fee', 'change', { value: '5' });
    await page.tap('.settings__save');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '店铺已被暂停营业', icon: 'none' });
  });

  it('staff and suspended shops see the settings read-only', async () => {
    const staff = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'shop.getSettings': ok({ ...settings, role: 'staff' }) }) });
    expect(staff.text('.settings__readonly')).toContain('仅店主');
    expect(staff.exists('.settings__save')).toBe(false);
    expect(staff.exists('.settings__clear')).toBe(false);

    const suspended = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'shop.getSettings': ok({ ...settings, status: 'suspended' }) }) });
    expect(suspended.text('.settings__suspended')).toContain('暂停营业');
    expect(suspended.exists('.settings__save')).toBe(false);
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '加载失败'), ok(settings)];
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'shop.getSettings': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('加载失败');
    await page.tap('.page-retry');
    expect(page.exists('.settings__save')).toBe(true);
  });
});
