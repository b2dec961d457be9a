import { approvedApplication, pendingApplication, rejectedApplication } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/applications/index';
const CONFIRM = '.pa__dialog >>> .t-dialog__button--confirm';
const byStatus = { pending: [pendingApplication], approved: [approvedApplication], rejected: [rejectedApplication] } as const;

describe('platform applications page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists pending applications with the licence, and previews it', async () => {
    const transport = stubTransport({ 'merchant.listApplications': (d: { status: keyof typeof byStatus }) => ok({ items: byStatus[d.status], nextCursor: null }) });
    const page = await loadPage(PAGE, { transport });

    expect(transport.calls[0]!.data).toEqual({ action: 'listApplications', status: 'pending', pageSize: 20 });
    expect(page.text('.pa-item__name')).toBe('巷口咖啡馆');
    expect(page.text('.pa-item__contact')).toBe('联系人：陈静 13812345678');
    expect(page.text('.pa-item__applicant')).toContain('dev-shopper-2');
    await page.tap('.pa-item__license');
    expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: [pendingApplication.licenseUrl] }));

    // other tabs show the result and no actions
    await page.tap(page.findAll('.pa__tabs >>> .t-tabs__item')[2]!);
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'listApplications', status: 'rejected', pageSize: 20 });
    expect(page.text('.pa-item__reason')).toBe('驳回原因：营业执照照片不清晰');
    expect(page.exists('.pa-item__approve')).toBe(false);
  });

  it('approves after a confirmation; the application leaves the queue', async () => {
    const transport = stubTransport({
      'merchant.listApplications': ok({ items: [pendingApplication], nextCursor: null }),
      'merchant.approve': ok({ application: approvedApplication, shop: { id: 'shop-new', name: '巷口咖啡馆', status: 'active' } }),
    });
    const page = await loadPage(PAGE, { transport });

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    await page.tap('.pa-item__approve');
    expect(transport.calls.some((c) => c.data.action === 'approve')).toBe(false);

    (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    await page.tap('.pa-item__approve');
    expect(transport.calls.find((c) => c.data.action === 'approve')!.data).toEqual({ action: 'approve', applicationId: 'app-1' });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '已通过，店铺已开通', icon: 'none' });
    expect(page.exists('.pa-item')).toBe(false);
    expect(page.text('.page-empty')).toContain('没有待审核的开店申请');
  });

  it('rejects with a reason from the dialog; a refusal reloads the queue', async () => {
    const transport = stubTransport({
      'merchant.listApplications': ok({ items: [pendingApplication], nextCursor: null }),
      'merchant.reject': fail('CONFLICT', '该申请已通过审核'),
    });
    const page = await loadPage(PAGE, { transport });

    await page.tap('.pa-item__reject');
    expect(page.data.rejectVisible).toBe(true);
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写驳回原因', icon: 'none' });
    page.trigger('.pa__reason', 'change', { value: ' 缺少营业执照 ' });
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'reject')!.data).toEqual({ action: 'reject', applicationId: 'app-1', reason: '缺少营业执照' });
    expect(wx.showToast).toHaveBeenCalledWith({ title: '该申请已通过审核', icon: 'none' });
    expect(transport.calls.filter((c) => c.data.action === 'listApplications')).toHaveLength(2);
  });

  it('shows errors with a retry, and loads more at the bottom', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok({ items: [pendingApplication], nextCursor: 'k' }), ok({ items: [{ ...pendingApplication, id: 'app-9', shopName: '第二家' }], nextCursor: null })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'merchant.listApplications': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');
    await page.tap('.page-retry');
    await page.lifecycle('onReachBottom');
    expect(page.texts('.pa-item__name')).toEqual(['巷口咖啡馆', '第二家']);
    expect(page.exists('.list-footer__end')).toBe(true);
  });
});
