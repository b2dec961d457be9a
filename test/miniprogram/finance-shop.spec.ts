import { balance, statementLines, withdrawals } from './fixtures/finance';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/shop/finance/index';
const CONFIRM = '.finance__dialog >>> .t-dialog__button--confirm';

describe('shop finance page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the balance cards and the statement, newest first, with paging', async () => {
    const answer = deferred<unknown>();
    const pages = [ok({ items: statementLines.slice(0, 2), nextCursor: 'k' }), ok({ items: statementLines.slice(2), nextCursor: null })];
    const transport = stubTransport({ 'finance.balance': () => answer.promise, 'finance.statements': () => pages.shift() });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok(balance));
    await page.settle();

    expect(transport.calls[0]!.data).toEqual({ action: 'balance', shopId: 'shop-1' });
    expect(page.text('.finance__available')).toBe('¥1234.56');
    expect(page.text('.finance__pending')).toBe('¥88.00');
    expect(page.text('.finance__withdrawing')).toBe('¥200.00');
    expect(page.text('.finance__paid-out')).toBe('¥500.00');
    expect(page.text('.finance__hint')).toBe('2 笔订单确认收货 7 天后结算');
    expect(page.texts('.finance-row__title')).toEqual(['售后退款扣回', '订单结算']);
    expect(page.texts('.finance-row__amount')).toEqual(['-¥15.00', '+¥168.00']);
    expect(page.texts('.finance-row__detail')[1]).toBe('订单 20261110103000123456');

    await page.lifecycle('onReachBottom');
    expect(transport.calls.at(-1)!.data).toEqual({ action: 'statements', shopId: 'shop-1', cursor: 'k', pageSize: 20 });
    expect(page.texts('.finance-row__title')).toEqual(['售后退款扣回', '订单结算', '申请提现']);
    expect(page.exists('.list-footer__end')).toBe(true);
  });

  it('the owner withdraws through the dialog; amounts above the balance are refused before calling', async () => {
    const after = { ...balance, availableFen: 23456, withdrawingFen: 120000 };
    const transport = stubTransport({
      'finance.balance': ok(balance),
      'finance.statements': ok({ items: statementLines, nextCursor: null }),
      'finance.myWithdrawals': ok({ items: withdrawals.slice(0, 2), nextCursor: null }),
      'finance.requestWithdrawal': ok({ withdrawal: { ...withdrawals[0], amountFen: 100000 }, balance: after }),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    await page.tap('.finance__withdraw');
    expect(page.data.dialogVisible).toBe(true);

    page.trigger('.withdraw__amount', 'change', { value: '2000' });
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '超出可提现余额', icon: 'none' });
    expect(transport.calls.some((c) => c.data.action === 'requestWithdrawal')).toBe(false);

    await page.tap('.withdraw__all');
    expect(page.data.amountText).toBe('1234.56');
    page.trigger('.withdraw__amount', 'change', { value: '1000' });
    await page.tap(CONFIRM);
    expect(transport.calls.find((c) => c.data.action === 'requestWithdrawal')!.data).toEqual({ action: 'requestWithdrawal', shopId: 'shop-1', amountFen: 100000 });
    expect(page.data.dialogVisible).toBe(false);
    expect(page.text('.finance__available')).toBe('¥234.56');

    await page.tap(page.findAll('.finance__tabs >>> .t-tabs__item')[1]!);
    expect(page.texts('.finance-row__status')).toEqual(['待审核', '已打款']);
    expect(page.texts('.finance-row__detail')).toEqual(['转账单号：1000018301202611220001']);
  });

  it('staff see no withdraw button; a negative balance is explained', async () => {
    const transport = stubTransport({
      'finance.balance': ok({ ...balance, availableFen: -500, canWithdraw: false }),
      'finance.statements': ok({ items: [], nextCursor: null }),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(page.exists('.finance__withdraw')).toBe(false);
    expect(page.text('.finance__available')).toBe('-¥5.00');
    expect(page.exists('.finance__owing')).toBe(true);
    expect(page.text('.page-empty')).toContain('还没有账单明细');
  });

  it('shows a refused balance with a retry, and a refused withdrawal in a toast', async () => {
    const balances = [fail('FORBIDDEN', '无权管理该店铺'), ok(balance)];
    const transport = stubTransport({
      'finance.balance': () => balances.shift() ?? ok(balance),
      'finance.statements': ok({ items: statementLines, nextCursor: null }),
      'finance.requestWithdrawal': fail('INSUFFICIENT_BALANCE', '可提现余额不足'),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(page.text('.page-error')).toContain('无权管理该店铺');
    await page.tap('.page-retry');
    expect(page.text('.finance__available')).toBe('¥1234.56');
    await page.tap('.finance__withdraw');
    page.trigger('.withdraw__amount', 'change', { value: '10' });
    await page.tap(CONFIRM);
    expect(wx.showToast).toHaveBeenCalledWith({ title: '可提现余额不足', icon: 'none' });
  });
});
