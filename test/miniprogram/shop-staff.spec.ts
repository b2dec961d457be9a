import { members } from './fixtures/shop';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/shop/staff/index';
const CONFIRM = '.staff__dialog >>> .t-dialog__button--confirm';

describe('shop staff page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('the owner creates an invite code to copy or share, and removes staff after confirmation', async () => {
    const expiresAt = Date.parse('2026-11-23T02:30:00Z');
    const transport = stubTransport({
      'shop.listStaff': ok({ members, role: 'owner' }),
      'shop.createInvite': ok({ code: 'K7PQ2MXA', shopId: 'shop-1', expiresAt }),
      'shop.removeStaff': ok({ removed: true }),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });

    expect(page.texts('.member__name')).toEqual(['老周', '微信用户 abcdef']);
    expect(page.texts('.member__role')).toEqual(['店主', '店员']);
    expect(page.findAll('.member__remove')).toHaveLength(1);

    await page.tap('.staff__create');
    expect(page.text('.staff__code')).toBe('K7PQ2MXA');
    expect(page.text('.staff__expires')).toBe('11月23日 10:30 前有效，仅可使用一次');
    (wx as any).setClipboardData = jest.fn().mockResolvedValue({});
    await page.tap('.staff__copy');
    expect(wx.setClipboardData).toHaveBeenCalledWith({ data: 'K7PQ2MXA' });
    expect((page.instance.onShareAppMessage as () => unknown)()).toEqual({ title: '邀请你成为店员', path: '/packages/shop/join/index?code=K7PQ2MXA' });

    await page.tap('.member__remove');
    expect(page.data.dialogVisible).toBe(true);
    await page.tap(CONFIRM);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'removeStaff', shopId: 'shop-1', openid: 'o-staff-abcdef' });
    expect(page.texts('.member__name')).toEqual(['老周']);
  });

  it('staff see the members but cannot invite or remove', async () => {
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'shop.listStaff': ok({ members, role: 'staff' }) }) });
    expect(page.exists('.staff__invite')).toBe(false);
    expect(page.findAll('.member__remove')).toHaveLength(0);
  });

  it('shows a refused invite and the error with a retry', async () => {
    const lists = [fail('INTERNAL', '成员加载失败'), ok({ members, role: 'owner' })];
    const transport = stubTransport({ 'shop.listStaff': () => lists.shift(), 'shop.createInvite': fail('FORBIDDEN', '店铺已被暂停营业') });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(page.text('.page-error')).toContain('成员加载失败');
    await page.tap('.page-retry');
    await page.tap('.staff__create');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '店铺已被暂停营业', icon: 'none' });
    expect(page.exists('.staff__code')).toBe(false);
  });
});
