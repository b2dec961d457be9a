import { accountTotal, assertLedgerEntry, balanceOf, checkUniqueIds, LedgerEntry, statementOf, sumEntries } from './ledger-entry';

const entry = (over: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'account' | 'amountFen'>): LedgerEntry => ({
  kind: 'order_settled',
  shopId: 's1',
  at: 100,
  ...over,
});

const entries: LedgerEntry[] = [
  entry({ id: 'settle:o1:shop', account: 'shop_available', amountFen: 1_000, at: 10 }),
  entry({ id: 'settle:o1:commission', account: 'platform_commission', amountFen: 50, at: 10 }),
  entry({ id: 'settle:o2:shop', account: 'shop_available', amountFen: 700, at: 20, shopId: 's2' }),
  entry({ id: 'refund:r1:shop', kind: 'refund', account: 'shop_available', amountFen: -200, at: 30 }),
  entry({ id: 'withdrawal:w1:requested:available', kind: 'withdrawal_requested', account: 'shop_available', amountFen: -500, at: 40 }),
  entry({ id: 'withdrawal:w1:requested:withdrawing', kind: 'withdrawal_requested', account: 'shop_withdrawing', amountFen: 500, at: 40 }),
];

describe('ledger entries', () => {
  it('sums accounts, optionally filtered', () => {
    expect(sumEntries(entries)).toBe(1_550);
    expect(accountTotal(entries, 'shop_available')).toBe(1_000);
    expect(accountTotal(entries, 'shop_available', (e) => e.shopId === 's2')).toBe(700);
  });

  it('gives each shop its balance', () => {
    expect(balanceOf(entries, 's1')).toEqual({ availableFen: 300, withdrawingFen: 500, paidOutFen: 0 });
    expect(balanceOf(entries, 's2')).toEqual({ availableFen: 700, withdrawingFen: 0, paidOutFen: 0 });
    expect(balanceOf(entries, 'nobody')).toEqual({ availableFen: 0, withdrawingFen: 0, paidOutFen: 0 });
  });

  it('builds a statement with opening, running and closing balances', () => {
    const statement = statementOf(entries, 's1', { from: 20, to: 40 });
    expect(statement.openingFen).toBe(1_000);
    expect(statement.lines.map((l) => [l.entry.id, l.balanceAfterFen])).toEqual([['refund:r1:shop', 800]]);
    expect(statement.closingFen).toBe(800);
    expect(statementOf(entries, 's1', { from: 0, to: 1_000 }).closingFen).toBe(balanceOf(entries, 's1').availableFen);
  });

  it('rejects corrupt entries as bugs', () => {
    expect(() => assertLedgerEntry(entry({ id: 'x', account: 'shop_available', amountFen: 1.5 }))).toThrow(RangeError);
    expect(() => sumEntries([entry({ id: 'x', account: 'nowhere' as never, amountFen: 1 })])).toThrow(/account/);
    expect(() => sumEntries([entry({ id: 'x', kind: 'gift' as never, account: 'shop_available', amountFen: 1 })])).toThrow(/kind/);
    expect(() => sumEntries([entry({ id: 'x', account: 'shop_available', amountFen: 1, at: Number.NaN })])).toThrow(RangeError);
  });

  it('finds duplicate ids (what the unique index enforces)', () => {
    expect(checkUniqueIds(entries)).toEqual({ ok: true, value: null });
    const dup = checkUniqueIds([...entries, entries[0]]);
    expect(dup.ok ? null : [dup.code, dup.details]).toEqual(['LEDGER_DUPLICATE_ENTRY', { id: 'settle:o1:shop' }]);
  });
});
