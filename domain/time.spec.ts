import { assertMillis, DAY_MS, isWithin, MINUTE_MS } from './time';

describe('time helpers', () => {
  it('defines minutes and days', () => {
    expect(MINUTE_MS).toBe(60_000);
    expect(DAY_MS).toBe(86_400_000);
  });

  it('treats windows as half-open', () => {
    expect(isWithin(10, 10, 20)).toBe(true);
    expect(isWithin(19, 10, 20)).toBe(true);
    expect(isWithin(20, 10, 20)).toBe(false);
    expect(isWithin(9, 10, 20)).toBe(false);
  });

  it('rejects non-integer times', () => {
    expect(() => assertMillis(1.5, 'now')).toThrow(/now/);
    expect(() => assertMillis(NaN)).toThrow(RangeError);
    expect(() => assertMillis(Date.UTC(2024, 0, 1))).not.toThrow();
  });
});
