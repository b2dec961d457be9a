import { unwrap } from '../result';
import { accountTotal, sumEntries } from './ledger-entry';
import { refundOrder } from './refund-order';
import { settleOrder } from './settle-order';
import { SettlementOrder } from './settlement-split';

const order: SettlementOrder = {
  orderId: 'o1',
  paymentId: 'p1',
  shopId: 's1',
  payFen: 10_800,
  shippingFen: 800,
  lines: [
    { payFen: 6_000, platformDiscountFen: 1_000, commissionBps: 500 },
    { payFen: 4_000, platformDiscountFen: 0, commissionBps: 250 },
  ],
};

describe('refundOrder', () => {
  it('before settlement only records the shopper refund', () => {
    const entries = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 300, entries: [], now: 5 }));
    expect(entries).toEqual([
      { id: 'refund:r1:shopper', kind: 'refund', account: 'shopper_refund', shopId: 's1', paymentId: 'p1', orderId: 'o1', refundId: 'r1', amountFen: 300, at: 5 },
    ]);
  });

  it('after settlement debits the shop, reverses commission and takes back subsidy in proportion', () => {
    const settled = settleOrder(order, [], 1);
    const entries = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 5_400, entries: settled, now: 5 }));
    expect(entries.map((e) => [e.id, e.account, e.amountFen])).toEqual([
      ['refund:r1:shopper', 'shopper_refund', 5_400],
      ['refund:r1:shop', 'shop_available', -5_675],
      ['refund:r1:commission', 'platform_commission', -225],
      ['refund:r1:subsidy', 'platform_subsidy', 500],
    ]);
    expect(sumEntries(entries)).toBe(0); // money only moves between accounts
  });

  it('reverses everything after refunds in several parts', () => {
    let entries = settleOrder(order, [], 1);
    for (const [i, amountFen] of [1, 3_333, 7, 7_459].entries()) {
      entries = [...entries, ...unwrap(refundOrder({ order, refundId: `r${i}`, amountFen, entries, now: 10 + i }))];
    }
    expect(accountTotal(entries, 'shopper_refund')).toBe(10_800);
    expect(accountTotal(entries, 'shop_available')).toBe(0);
    expect(accountTotal(entries, 'platform_commission')).toBe(0);
    expect(accountTotal(entries, 'platform_subsidy')).toBe(0);
  });

  it('is idempotent per refund id', () => {
    const first = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 100, entries: [], now: 5 }));
    expect(unwrap(refundOrder({ order, refundId: 'r1', amountFen: 100, entries: first, now: 6 }))).toEqual([]);
  });

  it('refuses invalid amounts and more than is still refundable', () => {
    const first = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 10_000, entries: [], now: 5 }));
    const exceeded = refundOrder({ order, refundId: 'r2', amountFen: 801, entries: first, now: 6 });
    expect(exceeded.ok ? null : [exceeded.code, exceeded.details]).toEqual(['REFUND_AMOUNT_EXCEEDED', { requestedFen: 801, refundableFen: 800 }]);
    const zero = refundOrder({ order, refundId: 'r3', amountFen: 0, entries: [], now: 6 });
    expect(zero.ok ? null : zero.code).toBe('REFUND_AMOUNT_INVALID');
    expect(refundOrder({ order, refundId: 'r4', amountFen: 1.5, entries: [], now: 6 }).ok).toBe(false);
  });
});
