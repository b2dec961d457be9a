import { remainingShare, reversedShare, SettlementOrder, settlementSplit } from './settlement-split';

const order = (over: Partial<SettlementOrder> = {}): SettlementOrder => ({
  orderId: 'o1',
  paymentId: 'p1',
  shopId: 's1',
  payFen: 10_800,
  shippingFen: 800,
  lines: [
    { payFen: 6_000, platformDiscountFen: 1_000, commissionBps: 500 },
    { payFen: 4_000, platformDiscountFen: 0, commissionBps: 250 },
  ],
  ...over,
});

describe('settlementSplit', () => {
  it('bases commission on pay plus platform discount and gives shipping to the shop', () => {
    // commission: 5% of 7000 = 350, 2.5% of 4000 = 100; shop: 10800 + 1000 - 450
    expect(settlementSplit(order())).toEqual({ paidFen: 10_800, subsidyFen: 1_000, commissionFen: 450, shopFen: 11_350 });
  });

  it('rounds each line commission half up', () => {
    const split = settlementSplit(order({ payFen: 30, shippingFen: 0, lines: [{ payFen: 10, platformDiscountFen: 0, commissionBps: 500 }, { payFen: 20, platformDiscountFen: 0, commissionBps: 2_500 }] }));
    expect(split.commissionFen).toBe(1 + 5); // 0.5 -> 1, 5 -> 5
    expect(split.shopFen).toBe(24);
  });

  it('rejects orders whose lines and shipping do not make their amount', () => {
    expect(() => settlementSplit(order({ payFen: 10_000 }))).toThrow(/not 10000/);
    expect(() => settlementSplit(order({ payFen: 0, shippingFen: 0, lines: [] }))).toThrow(/paid nothing/);
    expect(() => settlementSplit(order({ lines: [{ payFen: 10_000, platformDiscountFen: -1, commissionBps: 0 }] }))).toThrow(RangeError);
  });
});

describe('reversedShare', () => {
  const split = settlementSplit(order());

  it('reverses nothing for no refund and everything for a full refund', () => {
    expect(reversedShare(split, 0)).toEqual({ paidFen: 0, subsidyFen: 0, commissionFen: 0, shopFen: 0 });
    expect(reversedShare(split, 10_800)).toEqual(split);
    expect(remainingShare(split, 10_800)).toEqual({ paidFen: 0, subsidyFen: 0, commissionFen: 0, shopFen: 0 });
  });

  it('spreads a partial refund in proportion, exactly', () => {
    const back = reversedShare(split, 5_400); // half
    expect(back).toEqual({ paidFen: 5_400, subsidyFen: 500, commissionFen: 225, shopFen: 5_675 });
    expect(back.commissionFen + back.shopFen).toBe(back.paidFen + back.subsidyFen);
  });

  it('never decreases as the refunded total grows', () => {
    const small = settlementSplit(order({ payFen: 7, shippingFen: 0, lines: [{ payFen: 7, platformDiscountFen: 3, commissionBps: 3_333 }] }));
    let prev = reversedShare(small, 0);
    for (let r = 1; r <= 7; r++) {
      const next = reversedShare(small, r);
      expect(next.subsidyFen).toBeGreaterThanOrEqual(prev.subsidyFen);
      expect(next.commissionFen).toBeGreaterThanOrEqual(prev.commissionFen);
      expect(next.shopFen).toBeGreaterThanOrEqual(prev.shopFen);
      prev = next;
    }
    expect(prev).toEqual(small);
  });

  it('refuses to refund more than was paid', () => {
    expect(() => reversedShare(split, 10_801)).toThrow(RangeError);
  });
});
