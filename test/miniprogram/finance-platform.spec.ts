import { overview, withdrawals } from './fixtures/finance';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/platform/finance/index';
const CONFIRM = '.pf__dialog >>> .t-dialog__button--confirm';
const approved = { ...withdrawals[0], status: 'approved' as const };

describe('platform finance page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the overview figures and the queue of requested withdrawals', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'finance.overview': () => answer.promise, 'finance.listWithdrawals': ok({ items: [withdrawals[0]], nextCursor: null }) });
    const page = await loadPage(PAGE, { transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok(overview));
    await page.settle();

    expect(page.texts('.pf__figure-label')).toEqual(['累计支付（GMV）', '佣金收入', '累计退款', '平台券补贴', '应付商家余额', '待处理提现（3 笔）']);
    expect(page.texts('.pf__figure-value')).toEqual(['¥98765.00', '¥4567.00', '¥1234.00', '¥200.00', '¥34567.00', '¥890.00']);
    expect(transport.calls[1]!.data).toEqual({ action: 'listWithdrawals', status: 'requested', pageSize: 20 });
    expect(page.text('.pf-item__shop')).toBe('茗香茶庄');
    expect(page.text('.pf-item__amount')).toBe('¥200.00');
    expect(page.exists('.pf-item__approve')).toBe(true);
    expect(page.exists('.pf-item__reject')).toBe(true);
    expect(page.exists('.pf-item__paid')).toBe(false);
  });

  it('approves, then marks paid with the transfer reference', async () => {
    const transport = stubTransport({
      'finance.overview': ok(overview),
      'finance.listWithdrawals': (data: { status: string }) => ok({ items: data.status === 'approved' ? [approved] : [withdrawals[0]], nextCursor: null }),
      'finance.approveWithdrawal': ok(approved),
      'finance.markWithdrawalPaid': ok({ ...approved, status: 'paid', reference: 'T2026' }),
    });
    const page = await loadPage(PAGE, { transport });
    await page.tap('.pf-item__approve');
    expect(transport.calls.find((c) => c.data.action === 'approveWithdrawal')!.data).toEqual({ action: 'approveWithdrawal', id: withdrawals[0].id });
    expect(page.exists('.pf-item')).toBe(false);
    expect(page.text('.page-empty')).toContain('没有待审核的提现');

    await page.tap(page.findAll('.pf__tabs >>> .t-tabs__item')[1]!);
    expect(page.exists('.pf-item__paid')).toBe(true);
    await page.tap('.pf-item__paid');
    expect(page.data.dialogVisible).toBe(true);
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写转账单号', icon: 'none' });
    page.trigger('.pf__dialog-input', 'change', { value: '转账 1' });
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '转账单号只能包含字母和数字', icon: 'none' });
    page.trigger('.pf__dialog-input', 'change', { value: 'T2026' });
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'markWithdrawalPaid')!.data).toEqual({ action: 'markWithdrawalPaid', id: approved.id, reference: 'T2026' });
    expect(page.exists('.pf-item')).toBe(false);
  });

  it('rejects with a reason; a refusal is shown and the queue reloads', async () => {
    const transport = stubTransport({
      'finance.overview': ok(overview),
      'finance.listWithdrawals': ok({ items: [withdrawals[0]], nextCursor: null }),
      'finance.rejectWithdrawal': fail('WITHDRAWAL_STATE_INVALID', '提现单状态已变化，请刷新'),
    });
    const page = await loadPage(PAGE, { transport });
    await page.tap('.pf-item__reject');
    page.trigger('.pf__dialog-input', 'change', { value: '收款账户有误' });
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'rejectWithdrawal')!.data).toEqual({ action: 'rejectWithdrawal', id: withdrawals[0].id, reason: '收款账户有误' });
    expect(wx.showToast).toHaveBeenCalledWith({ title: '提现单状态已变化，请刷新', icon: 'none' });
    expect(transport.calls.filter((c) => c.data.action === 'listWithdrawals')).toHaveLength(2);
  });

  it('shows a refused overview with a retry, and paid and rejected withdrawals without actions', async () => {
    const answers = [fail('FORBIDDEN', '仅平台管理员可操作'), ok(overview)];
    const transport = stubTransport({
      'finance.overview': () => answers.shift() ?? ok(overview),
      'finance.listWithdrawals': (data: { status: string }) => ok({ items: withdrawals.filter((w) => w.status === data.status), nextCursor: null }),
    });
    const page = await loadPage(PAGE, { transport });
    expect(page.text('.page-error')).toContain('仅平台管理员可操作');
    await page.tap('.page-retry');
    await page.tap(page.findAll('.pf__tabs >>> .t-tabs__item')[3]!);
    expect(page.text('.pf-item__detail')).toBe('驳回原因：收款账户有误');
    expect(page.exists('.pf-item__actions')).toBe(false);
  });
});
