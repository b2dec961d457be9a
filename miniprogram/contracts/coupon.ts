import type { NoPayload, Page, PageRequest } from './common';

export type CouponKind = 'fixed' | 'threshold' | 'percent';

/** What a coupon looks like on a ticket, whether still claimable or already held. */
export interface CouponFace {
  id: string;
  title: string;
  kind: CouponKind;
  /** fixed/threshold: the discount. */
  amountFen?: number;
  thresholdFen?: number;
  /** percent: share paid, e.g. 85 = 8.5 折. */
  percent?: number;
  maxDiscountFen?: number;
  issuer: { type: 'platform' } | { type: 'shop'; shopId: string; shopName: string };
  scopeText: string;
}

export interface CouponTemplateView extends CouponFace {
  /** Human description of the validity, e.g. "领取后7天内有效". */
  validityText: string;
  claimEndAt: number;
  remaining: number;
  claimedByMe: number;
  perUserLimit: number;
  /** Why the shopper cannot claim now, when they cannot. */
  unavailableReason?: string;
}

export type UserCouponStatus = 'unused' | 'locked' | 'used' | 'expired';

export interface UserCouponView extends CouponFace {
  templateId: string;
  status: UserCouponStatus;
  validFrom: number;
  validTo: number;
}

export interface CouponApi {
  /** Coupons claimable now: the platform's, or with `shopId` that shop's; ending soonest first. */
  center: { payload: PageRequest & { shopId?: string }; result: Page<CouponTemplateView> };
  claim: { payload: { templateId: string }; result: UserCouponView };
  /**
   * The caller's coupons by tab. `unused` also lists coupons held by an unpaid order (status
   * `locked`); `expired` includes unused coupons past `validTo`.
   */
  mine: { payload: PageRequest & { status: 'unused' | 'used' | 'expired' }; result: Page<UserCouponView> };
  /** `unused`: coupons usable now (unused and still valid; locked ones are not counted). */
  counts: { payload: NoPayload; result: { unused: number } };
}
