import { unwrap } from '../result';
import { balanceOf, LedgerEntry, sumEntries } from './ledger-entry';
import { approveWithdrawal, markWithdrawalPaid, rejectWithdrawal, requestWithdrawal } from './withdrawal';

const credit: LedgerEntry = { id: 'settle:o1:shop', kind: 'order_settled', account: 'shop_available', shopId: 's1', amountFen: 1_000, at: 1 };

describe('withdrawals', () => {
  const request = (amountFen: number, availableFen = 1_000) =>
    requestWithdrawal({ withdrawalId: 'w1', shopId: 's1', balance: { availableFen, withdrawingFen: 0, paidOutFen: 0 }, amountFen, now: 5 });

  it('a request moves the amount from available to withdrawing', () => {
    const { withdrawal, entries } = unwrap(request(400));
    expect(withdrawal).toEqual({ id: 'w1', shopId: 's1', amountFen: 400, state: 'requested' });
    expect(entries.map((e) => [e.id, e.kind, e.account, e.amountFen, e.withdrawalId])).toEqual([
      ['withdrawal:w1:requested:available', 'withdrawal_requested', 'shop_available', -400, 'w1'],
      ['withdrawal:w1:requested:withdrawing', 'withdrawal_requested', 'shop_withdrawing', 400, 'w1'],
    ]);
    expect(balanceOf([credit, ...entries], 's1')).toEqual({ availableFen: 600, withdrawingFen: 400, paidOutFen: 0 });
  });

  it('refuses invalid amounts and more than the available balance', () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) {
      const r = request(amount);
      expect(r.ok ? 'ok' : r.code).toBe('INVALID_AMOUNT');
    }
    const over = request(1_001);
    expect(over.ok ? null : [over.code, over.details]).toEqual(['INSUFFICIENT_BALANCE', { amountFen: 1_001, availableFen: 1_000 }]);
    const negative = request(1, -50);
    expect(negative.ok ? 'ok' : negative.code).toBe('INSUFFICIENT_BALANCE');
    expect(request(1_000).ok).toBe(true);
  });

  it('approve then pay moves the money out; each step sums to 0', () => {
    const requested = unwrap(request(400));
    const approved = unwrap(approveWithdrawal(requested.withdrawal));
    expect(approved.entries).toEqual([]);
    const paid = unwrap(markWithdrawalPaid(approved.withdrawal, 9));
    expect(paid.withdrawal.state).toBe('paid');
    expect(sumEntries(paid.entries)).toBe(0);
    const all = [credit, ...requested.entries, ...paid.entries];
    expect(balanceOf(all, 's1')).toEqual({ availableFen: 600, withdrawingFen: 0, paidOutFen: 400 });
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('a rejection gives the amount back, from requested or approved', () => {
    const requested = unwrap(request(400));
    for (const w of [requested.withdrawal, unwrap(approveWithdrawal(requested.withdrawal)).withdrawal]) {
      const rejected = unwrap(rejectWithdrawal(w, 9));
      expect(rejected.withdrawal.state).toBe('rejected');
      expect(balanceOf([credit, ...requested.entries, ...rejected.entries], 's1')).toEqual({ availableFen: 1_000, withdrawingFen: 0, paidOutFen: 0 });
    }
  });

  it('follows the machine: no payment before approval, nothing after the end', () => {
    const requested = unwrap(request(400)).withdrawal;
    const early = markWithdrawalPaid(requested, 9);
    expect(early.ok ? 'ok' : early.code).toBe('INVALID_TRANSITION');
    const paid = unwrap(markWithdrawalPaid(unwrap(approveWithdrawal(requested)).withdrawal, 9)).withdrawal;
    expect(rejectWithdrawal(paid, 10).ok).toBe(false);
    expect(approveWithdrawal(paid).ok).toBe(false);
  });
});
