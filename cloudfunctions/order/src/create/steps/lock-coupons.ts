/**
 * Step 3: lock the coupons for this payment, each by a conditional update (status unused, still
 * valid, owned by the shopper → locked by this payment): of two checkouts racing for one coupon,
 * exactly one locks it; the other fails here and its stock is given back by the saga.
 * Undo: release exactly the coupons this step locked.
 */
import { userCouponMachine } from '../../../../../domain';
import { _ } from '../../../../../server/cloud';
import { fail } from '../../../../../server/failure';
import { repo } from '../../../../../server/repo';
import type { CheckoutPlan } from '../../checkout/plan-checkout';
import type { SagaStep } from '../saga';

const LOCK = userCouponMachine.transitions.lock;
const RELEASE = userCouponMachine.transitions.release;

async function unlock(couponId: string, paymentId: string, now: Date): Promise<void> {
  await repo.updateWhere('user_coupons', { _id: couponId, status: RELEASE.from[0], lockedBy: paymentId }, { status: RELEASE.to, lockedBy: null, updatedAt: now });
}

export const lockCoupons: SagaStep<CheckoutPlan> = {
  name: 'lock-coupons',
  async run(plan) {
    const { _id: paymentId, openid, createdAt: now } = plan.payment;
    const locked: string[] = [];
    for (const couponId of plan.couponIds) {
      const n = await repo.updateWhere('user_coupons', { _id: couponId, openid, status: _.in([...LOCK.from]), validTo: _.gt(now) }, { status: LOCK.to, lockedBy: paymentId, updatedAt: now });
      if (n === 1) {
        locked.push(couponId);
        continue;
      }
      for (const id of locked) await unlock(id, paymentId, now);
      const current = await repo.get('user_coupons', couponId);
      if (current && current.validTo <= now) fail('COUPON_EXPIRED', '优惠券已过期', { userCouponId: couponId });
      fail('COUPON_ALREADY_USED', '优惠券已被使用', { userCouponId: couponId });
    }
    return async () => {
      for (const id of locked) await unlock(id, paymentId, now);
    };
  },
};
