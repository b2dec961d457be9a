import { assertCommissionRates, commissionAt, commissionBpsFor, commissionFor, CommissionRates, isBps } from './commission';

describe('commission', () => {
  const rates: CommissionRates = { defaultBps: 500, byCategory: { food: 200, fresh: 100, phones: 250 } };

  it('uses the most specific category of the path that has a rate', () => {
    expect(commissionBpsFor(['food', 'fresh', 'fruit'], rates)).toBe(100);
    expect(commissionBpsFor(['food', 'snacks'], rates)).toBe(200);
    expect(commissionBpsFor(['fresh', 'food'], rates)).toBe(200); // the last matching id wins
  });

  it('falls back to the default rate', () => {
    expect(commissionBpsFor([], rates)).toBe(500);
    expect(commissionBpsFor(['toys'], rates)).toBe(500);
    expect(commissionBpsFor(['toString', 'constructor'], rates)).toBe(500); // no prototype lookups
  });

  it('rounds the commission half up; the shop gets the rest', () => {
    expect(commissionFor({ baseFen: 10_000, categoryIds: ['phones'] }, rates)).toBe(250);
    expect(commissionFor({ baseFen: 20, categoryIds: ['phones'] }, rates)).toBe(1); // 0.5 fen rounds up
    expect(commissionFor({ baseFen: 19, categoryIds: ['phones'] }, rates)).toBe(0); // 0.475 fen
    expect(commissionFor({ baseFen: 0, categoryIds: [] }, rates)).toBe(0);
    expect(commissionAt(999, 10_000)).toBe(999);
    expect(commissionAt(999, 0)).toBe(0);
  });

  it('rejects rates outside 0..10000 and invalid bases as bugs', () => {
    expect(isBps(0)).toBe(true);
    expect(isBps(10_000)).toBe(true);
    expect(isBps(10_001)).toBe(false);
    expect(isBps(2.5)).toBe(false);
    expect(isBps(-1)).toBe(false);
    expect(() => assertCommissionRates({ defaultBps: 10_001, byCategory: {} })).toThrow(RangeError);
    expect(() => assertCommissionRates({ defaultBps: 0, byCategory: { a: 1.5 } })).toThrow(/category a/);
    expect(() => commissionFor({ baseFen: -1, categoryIds: [] }, rates)).toThrow(RangeError);
    expect(() => commissionAt(100, 20_000)).toThrow(RangeError);
  });
});
