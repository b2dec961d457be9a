import { centerTemplates, platformCoupon } from './fixtures/coupon';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const CENTER = 'packages/coupon/center/index';

describe('coupon centre page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists the coupons with their value, terms and claim state', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'coupon.center': () => answer.promise });
    const page = await loadPage(CENTER, { transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok({ items: centerTemplates, nextCursor: null }));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'center', pageSize: 20 });
    expect(page.texts('.coupon-ticket__amount')).toEqual(['¥20.00', '8.5折', '¥5.00', '¥10.00']);
    expect(page.texts('.coupon-ticket__condition')).toEqual(['满¥100.00可用', '无门槛，最多减¥50.00', '无门槛', '无门槛']);
    expect(page.texts('.center-coupon__claim')).toEqual(['立即领取', '已领取', '已抢光', '不可领取']);
    expect(page.text('.center-coupon__note')).toBe('仅限新用户领取');
    expect(page.texts('.coupon-ticket__meta')[1]).toBe('杭州茗香茶庄 · 限杭州茗香茶庄商品 · 领取后7天内有效');
  });

  it('claims a coupon and shows it claimed; disabled buttons claim nothing', async () => {
    const transport = stubTransport({ 'coupon.center': ok({ items: centerTemplates, nextCursor: null }), 'coupon.claim': ok(platformCoupon) });
    const page = await loadPage(CENTER, { transport });

    await page.tap(page.findAll('.center-coupon__claim')[1]!);
    await page.tap(page.findAll('.center-coupon__claim')[0]!);

    expect(transport.calls.filter((call) => call.data.action === 'claim').map((call) => call.data)).toEqual([{ action: 'claim', templateId: 'tpl-platform-20' }]);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '领取成功', icon: 'success' });
    expect(page.texts('.center-coupon__claim')[0]).toBe('已领取');
  });

  it('shows a refused claim as the server explains it', async () => {
    const transport = stubTransport({ 'coupon.center': ok({ items: centerTemplates, nextCursor: null }), 'coupon.claim': fail('COUPON_SOLD_OUT', '优惠券已被抢光') });
    const page = await loadPage(CENTER, { transport });

    await page.tap(page.findAll('.center-coupon__claim')[0]!);

    expect(wx.showToast).toHaveBeenCalledWith({ title: '优惠券已被抢光', icon: 'none' });
    expect(page.texts('.center-coupon__claim')[0]).toBe('已抢光');
  });

  it('pages on reaching the bottom', async () => {
    const pages = [ok({ items: centerTemplates.slice(0, 2), nextCursor: 'c2' }), ok({ items: centerTemplates.slice(2), nextCursor: null })];
    const transport = stubTransport({ 'coupon.center': () => pages.shift() });
    const page = await loadPage(CENTER, { transport });

    await page.lifecycle('onReachBottom');

    expect(transport.calls[1]!.data).toEqual({ action: 'center', cursor: 'c2', pageSize: 20 });
    expect(page.findAll('.center-coupon')).toHaveLength(4);
  });

  it('shows the empty state', async () => {
    const page = await loadPage(CENTER, { transport: stubTransport({ 'coupon.center': ok({ items: [], nextCursor: null }) }) });

    expect(page.text('.page-empty')).toContain('暂时没有可领的优惠券');
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '领券中心维护中'), ok({ items: centerTemplates, nextCursor: null })];
    const page = await loadPage(CENTER, { transport: stubTransport({ 'coupon.center': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('领券中心维护中');
    await page.tap('.page-retry');
    expect(page.findAll('.center-coupon')).toHaveLength(4);
  });
});
