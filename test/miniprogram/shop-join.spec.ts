import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/shop/join/index';

describe('join shop page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('opens with the shared code, joins and leads to the shop', async () => {
    const transport = stubTransport({ 'shop.acceptInvite': ok({ shop: { id: 'shop-1', name: '山野茶铺', status: 'active' }, role: 'staff' }) });
    const page = await loadPage(PAGE, { query: { code: 'k7pq2mxa' }, transport });
    expect(page.data.code).toBe('K7PQ2MXA');
    await page.tap('.join__submit');
    expect(transport.calls[0]!.data).toEqual({ action: 'acceptInvite', code: 'K7PQ2MXA' });
    expect(page.text('.join__done')).toContain('山野茶铺');
    await page.tap('.join__open');
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/shop/overview/index?shopId=shop-1' });
  });

  it('asks for a code and shows why one is refused', async () => {
    const transport = stubTransport({ 'shop.acceptInvite': fail('CONFLICT', '邀请码已过期，请让店主重新生成') });
    const page = await loadPage(PAGE, { transport });
    await page.tap('.join__submit');
    expect(page.data.errorMessage).toBe('请输入邀请码');
    expect(transport.calls).toHaveLength(0);
    await page.trigger('.join__code', 'change', { value: 'abcd2345' });
    await page.tap('.join__submit');
    expect(transport.calls[0]!.data).toEqual({ action: 'acceptInvite', code: 'ABCD2345' });
    expect(page.text('.join__code')).toContain('邀请码已过期');
    expect(page.exists('.join__done')).toBe(false);
  });
});
