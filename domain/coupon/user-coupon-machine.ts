/**
 * The life cycle of a claimed coupon. A coupon is `locked` by an unpaid order so no concurrent
 * checkout can use it too, `used` when that payment succeeds, and comes back when the order is
 * cancelled or times out: `unused` while still valid, `expired` otherwise. `restore` (not in the
 * original brief, see the README) returns a used coupon whose orders were all closed before
 * shipping. {@link returnCoupon} picks the right event for a cancelled order from the validity.
 */
import type { Outcome } from '../result';
import { defineMachine } from '../state-machine';

/** Every state of a claimed coupon. */
export const USER_COUPON_STATES = ['unused', 'locked', 'used', 'expired'] as const;

/** A state of a claimed coupon. */
export type UserCouponStatus = (typeof USER_COUPON_STATES)[number];

/** An event that moves a claimed coupon. */
export type UserCouponEvent = 'lock' | 'use' | 'release' | 'expire' | 'restore';

/** The claimed-coupon state machine. */
export const userCouponMachine = defineMachine<UserCouponStatus, UserCouponEvent>({
  name: 'userCoupon',
  states: USER_COUPON_STATES,
  transitions: {
    lock: { from: ['unused'], to: 'locked', description: 'An unpaid order reserves the coupon.' },
    use: { from: ['locked'], to: 'used', description: 'The payment of that order succeeded.' },
    release: {
      from: ['locked'],
      to: 'unused',
      description: 'The unpaid order was cancelled or timed out while the coupon is still valid.',
    },
    expire: {
      from: ['unused', 'locked'],
      to: 'expired',
      description: 'The validity ended (for a locked coupon: its order was cancelled after the validity ended).',
    },
    restore: {
      from: ['used'],
      to: 'unused',
      description: 'Every order that used the coupon was closed before shipping and refunded.',
    },
  },
});

/**
 * Returns the status a coupon takes when the order holding it is cancelled: a locked coupon is
 * released (or expires if `now` is past `validTo`), a used coupon is restored (then expires if
 * past `validTo`). Any other status fails with `INVALID_TRANSITION`, which a handler treats as
 * "already returned" (a repeated cancel).
 */
export function returnCoupon(
  coupon: { readonly status: UserCouponStatus; readonly validTo: number },
  now: number,
): Outcome<'unused' | 'expired', 'INVALID_TRANSITION'> {
  const stillValid = now < coupon.validTo;
  const returned =
    coupon.status === 'locked'
      ? userCouponMachine.next('locked', stillValid ? 'release' : 'expire')
      : userCouponMachine.next(coupon.status, 'restore');
  if (!returned.ok) return returned;
  if (returned.value === 'unused' && !stillValid) return narrow(userCouponMachine.next('unused', 'expire'));
  return narrow(returned);
}

function narrow(outcome: Outcome<UserCouponStatus, 'INVALID_TRANSITION'>): Outcome<'unused' | 'expired', 'INVALID_TRANSITION'> {
  if (!outcome.ok) return outcome;
  const status = outcome.value;
  if (status === 'unused' || status === 'expired') return { ok: true, value: status };
  throw new Error(`userCoupon: returning a coupon led to ${status}`);
}

/**
 * Returns the status to show a shopper: an `unused` coupon past its validity shows as `expired`
 * even before the expiry timer has updated it. A `locked` coupon stays locked: its order was priced
 * while the coupon was valid and may still be paid.
 */
export function effectiveCouponStatus(coupon: { readonly status: UserCouponStatus; readonly validTo: number }, now: number): UserCouponStatus {
  return coupon.status === 'unused' && now >= coupon.validTo ? 'expired' : coupon.status;
}
