import {
  effectiveCouponStatus,
  returnCoupon,
  USER_COUPON_STATES,
  UserCouponEvent,
  userCouponMachine,
  UserCouponStatus,
} from './user-coupon-machine';

describe('userCouponMachine', () => {
  const allowed: Array<[UserCouponStatus, UserCouponEvent, UserCouponStatus]> = [
    ['unused', 'lock', 'locked'],
    ['locked', 'use', 'used'],
    ['locked', 'release', 'unused'],
    ['locked', 'expire', 'expired'],
    ['unused', 'expire', 'expired'],
    ['used', 'restore', 'unused'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(userCouponMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other pair: a used coupon never expires and an unused one cannot be used without a lock', () => {
    for (const state of USER_COUPON_STATES) {
      for (const event of userCouponMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        expect({ state, event, can: userCouponMachine.can(state, event) }).toEqual({ state, event, can: false });
      }
    }
    expect(userCouponMachine.isTerminal('expired')).toBe(true);
  });
});

describe('returnCoupon', () => {
  const validTo = 1000;

  it('releases a locked coupon that is still valid, or expires it', () => {
    expect(returnCoupon({ status: 'locked', validTo }, 999)).toEqual({ ok: true, value: 'unused' });
    expect(returnCoupon({ status: 'locked', validTo }, 1000)).toEqual({ ok: true, value: 'expired' });
  });

  it('restores a used coupon, expiring it when past validity', () => {
    expect(returnCoupon({ status: 'used', validTo }, 10)).toEqual({ ok: true, value: 'unused' });
    expect(returnCoupon({ status: 'used', validTo }, 5000)).toEqual({ ok: true, value: 'expired' });
  });

  it.each(['unused', 'expired'] as const)('fails for an %s coupon (a repeated cancel)', (status) => {
    expect(returnCoupon({ status, validTo }, 10)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('effectiveCouponStatus', () => {
  it('shows an unused coupon past validity as expired', () => {
    expect(effectiveCouponStatus({ status: 'unused', validTo: 100 }, 99)).toBe('unused');
    expect(effectiveCouponStatus({ status: 'unused', validTo: 100 }, 100)).toBe('expired');
  });

  it('keeps locked and used coupons as they are', () => {
    expect(effectiveCouponStatus({ status: 'locked', validTo: 100 }, 200)).toBe('locked');
    expect(effectiveCouponStatus({ status: 'used', validTo: 100 }, 200)).toBe('used');
  });
});
