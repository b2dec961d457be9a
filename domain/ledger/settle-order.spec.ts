import { DAY_MS } from '../time';
import { LedgerEntry, sumEntries } from './ledger-entry';
import { unwrap } from '../result';
import { refundOrder } from './refund-order';
import { AFTER_SALE_WINDOW_DAYS, isSettled, isSettlementDue, refundedFenOf, settleOrder, settlementDueAt } from './settle-order';
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

describe('settleOrder', () => {
  it('credits the shop, books the commission and pays the subsidy', () => {
    const entries = settleOrder(order, [], 1_000);
    expect(entries).toEqual([
      { id: 'settle:o1:shop', kind: 'order_settled', account: 'shop_available', shopId: 's1', paymentId: 'p1', orderId: 'o1', amountFen: 11_350, at: 1_000 },
      { id: 'settle:o1:commission', kind: 'order_settled', account: 'platform_commission', shopId: 's1', paymentId: 'p1', orderId: 'o1', amountFen: 450, at: 1_000 },
      { id: 'settle:o1:subsidy', kind: 'order_settled', account: 'platform_subsidy', shopId: 's1', paymentId: 'p1', orderId: 'o1', amountFen: -1_000, at: 1_000 },
    ]);
    expect(sumEntries(entries)).toBe(order.payFen);
    expect(isSettled(entries, 'o1')).toBe(true);
  });

  it('is idempotent: a second settlement credits nothing', () => {
    const first = settleOrder(order, [], 1_000);
    expect(settleOrder(order, first, 2_000)).toEqual([]);
  });

  it('settles only what refunds before settlement left', () => {
    const refund = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 5_400, entries: [], now: 500 }));
    expect(refund).toHaveLength(1); // nothing to reverse yet
    const settled = settleOrder(order, refund, 1_000);
    expect(settled.map((e) => e.amountFen)).toEqual([5_675, 225, -500]);
    expect(sumEntries([...refund, ...settled])).toBe(order.payFen);
    expect(refundedFenOf([...refund, ...settled], 'o1')).toBe(5_400);
  });

  it('settles nothing for a fully refunded order', () => {
    const refund = unwrap(refundOrder({ order, refundId: 'r1', amountFen: 10_800, entries: [], now: 500 }));
    expect(settleOrder(order, refund, 1_000)).toEqual([]);
  });

  it('writes the shop entry even when the shop gets 0 (it marks the order settled)', () => {
    const all: SettlementOrder = { ...order, payFen: 100, shippingFen: 0, lines: [{ payFen: 100, platformDiscountFen: 0, commissionBps: 10_000 }] };
    const entries: LedgerEntry[] = settleOrder(all, [], 1);
    expect(entries.map((e) => [e.account, e.amountFen])).toEqual([['shop_available', 0], ['platform_commission', 100]]);
  });

  it('is due once the after-sale window after completion has closed', () => {
    expect(AFTER_SALE_WINDOW_DAYS).toBe(7);
    expect(settlementDueAt(0)).toBe(7 * DAY_MS);
    expect(isSettlementDue(0, 7 * DAY_MS - 1)).toBe(false);
    expect(isSettlementDue(0, 7 * DAY_MS)).toBe(true);
    expect(() => isSettlementDue(0, Number.NaN)).toThrow(RangeError);
  });
});
