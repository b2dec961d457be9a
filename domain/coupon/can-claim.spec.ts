import { makeTemplate, T0 } from '../testing/coupon-fixtures';
import { DAY_MS } from '../time';
import { canClaim, validityFor } from './can-claim';

describe('validityFor', () => {
  it('uses the fixed window as is', () => {
    expect(validityFor(makeTemplate(), T0 + 123)).toEqual({ validFrom: T0, validTo: T0 + 30 * DAY_MS });
  });

  it('counts relative days as 24-hour periods from the claim', () => {
    const template = makeTemplate({ validity: { type: 'relative', days: 7 } });
    expect(validityFor(template, T0 + 5)).toEqual({ validFrom: T0 + 5, validTo: T0 + 5 + 7 * DAY_MS });
  });
});

describe('canClaim', () => {
  const fresh = { now: T0 + 1000, claimedByUser: 0, claimedTotal: 0 };

  it('allows a claim in the window and returns the validity', () => {
    expect(canClaim(makeTemplate(), fresh)).toEqual({ ok: true, value: { validFrom: T0, validTo: T0 + 30 * DAY_MS } });
  });

  it('checks paused first', () => {
    const result = canClaim(makeTemplate({ status: 'paused' }), { now: T0 - 1, claimedByUser: 9, claimedTotal: 999 });
    expect(result).toMatchObject({ ok: false, code: 'COUPON_PAUSED' });
  });

  it('rejects before and after the claim window (half-open)', () => {
    const t = makeTemplate();
    expect(canClaim(t, { ...fresh, now: T0 - 1 })).toMatchObject({ code: 'COUPON_NOT_STARTED', details: { startAt: T0 } });
    expect(canClaim(t, { ...fresh, now: T0 })).toMatchObject({ ok: true });
    expect(canClaim(t, { ...fresh, now: T0 + 10 * DAY_MS - 1 })).toMatchObject({ ok: true });
    expect(canClaim(t, { ...fresh, now: T0 + 10 * DAY_MS })).toMatchObject({ code: 'COUPON_ENDED' });
  });

  it('rejects when the fixed validity is over even if the window is open', () => {
    // Such a template fails validation, but claims must be safe against stored data too.
    const t = makeTemplate({ validity: { type: 'fixed', startAt: T0, endAt: T0 + DAY_MS } });
    expect(canClaim(t, { ...fresh, now: T0 + 2 * DAY_MS })).toMatchObject({ code: 'COUPON_ENDED', details: { endAt: T0 + DAY_MS } });
  });

  it('rejects when sold out before checking the per-user limit', () => {
    const t = makeTemplate({ totalQuantity: 10, perUserLimit: 2 });
    expect(canClaim(t, { ...fresh, claimedTotal: 10, claimedByUser: 2 })).toMatchObject({
      code: 'COUPON_SOLD_OUT',
      details: { totalQuantity: 10 },
    });
    expect(canClaim(t, { ...fresh, claimedTotal: 9, claimedByUser: 2 })).toMatchObject({
      code: 'COUPON_LIMIT_REACHED',
      details: { perUserLimit: 2 },
    });
    expect(canClaim(t, { ...fresh, claimedTotal: 9, claimedByUser: 1 }).ok).toBe(true);
  });

  it('throws when now is not a timestamp (a caller bug)', () => {
    expect(() => canClaim(makeTemplate(), { ...fresh, now: Number.NaN })).toThrow(RangeError);
  });
});
