/** The shopper's coupons as pricing sees them (the domain's UserCoupon, times in ms). */
import { type UserCoupon, userCouponMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import { fail } from '../../../../server/failure';
import type { UserCouponDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';

/** The wallet shown at checkout: coupons still unused, and those held by an unpaid order (shown as unusable). */
const CHECKOUT_WALLET_STATES = userCouponMachine.states.filter((s) => userCouponMachine.can(s, 'lock') || userCouponMachine.can(s, 'use'));
const WALLET_LIMIT = 100;

export function toDomainCoupon(d: UserCouponDoc): UserCoupon {
  return { id: d._id, templateId: d.templateId, openid: d.openid, status: d.status, validFrom: d.validFrom.getTime(), validTo: d.validTo.getTime(), template: d.template };
}

export function checkoutWallet(openid: string): Promise<UserCouponDoc[]> {
  return repo.find('user_coupons', { openid, status: _.in(CHECKOUT_WALLET_STATES) }, { orderBy: [['validTo', 'asc'], ['_id', 'asc']], limit: WALLET_LIMIT });
}

/** The coupons the shopper picked; another shopper's coupon is indistinguishable from a missing one. */
export async function ownCoupons(openid: string, ids: string[]): Promise<UserCouponDoc[]> {
  if (new Set(ids).size !== ids.length) fail('COUPON_STACKING_NOT_ALLOWED', '同一张优惠券只能使用一次');
  const found = await repo.getMany('user_coupons', ids);
  return ids.map((id) => {
    const c = found.get(id);
    return c && c.openid === openid ? c : fail('NOT_FOUND', '优惠券不存在', { userCouponId: id });
  });
}
