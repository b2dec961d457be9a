import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type CouponTemplateView, type Page, type Result, type UserCouponView } from './contracts';

export type MyCouponFilter = 'unused' | 'used' | 'expired';

/** Coupons open for claiming. */
export function fetchCouponCenter(cursor: string | null, pageSize: number): Promise<Result<Page<CouponTemplateView>>> {
  return callFunction(FUNCTIONS.coupon, ACTIONS.coupon.center, pageRequest(cursor, pageSize));
}

export function claimCoupon(templateId: string): Promise<Result<UserCouponView>> {
  return callFunction(FUNCTIONS.coupon, ACTIONS.coupon.claim, { templateId });
}

export function fetchMyCoupons(status: MyCouponFilter, cursor: string | null, pageSize: number): Promise<Result<Page<UserCouponView>>> {
  return callFunction(FUNCTIONS.coupon, ACTIONS.coupon.mine, cursor ? { status, cursor, pageSize } : { status, pageSize });
}

/** How many unused coupons the caller holds. */
export function fetchCouponCounts(): Promise<Result<{ unused: number }>> {
  return callFunction(FUNCTIONS.coupon, ACTIONS.coupon.counts, {});
}
