import type { CouponTemplateView, UserCouponView } from '../../../miniprogram/contracts';
import { effectiveCouponStatus } from '../../../domain/coupon/user-coupon-machine';
import type { CouponTemplateCore, CouponTemplateDoc, Issuer, ShopDoc, UserCouponDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { scopeText, validityText } from './coupon-texts';

type Shops = Map<string, ShopDoc>;

/** The shops that issued these coupons, in one batched read. */
export function issuerShops(issuers: Issuer[]): Promise<Shops> {
  const ids = issuers.flatMap((i) => (i.type === 'shop' ? [i.shopId] : []));
  return ids.length ? repo.getMany('shops', ids) : Promise.resolve(new Map());
}

function terms(t: CouponTemplateCore, shops: Shops) {
  const shopName = t.issuer.type === 'shop' ? (shops.get(t.issuer.shopId)?.name ?? '') : '';
  const v = {
    title: t.title,
    kind: t.kind,
    issuer: t.issuer.type === 'shop' ? ({ type: 'shop', shopId: t.issuer.shopId, shopName } as const) : ({ type: 'platform' } as const),
    scopeText: scopeText(t.issuer, t.scope, shopName),
  };
  return {
    ...v,
    ...(t.amountFen !== undefined ? { amountFen: t.amountFen } : {}),
    ...(t.thresholdFen !== undefined ? { thresholdFen: t.thresholdFen } : {}),
    ...(t.percent !== undefined ? { percent: t.percent } : {}),
    ...(t.maxDiscountFen !== undefined ? { maxDiscountFen: t.maxDiscountFen } : {}),
  };
}

export function templateView(t: CouponTemplateDoc, shops: Shops, claimedByMe: number, unavailableReason: string | undefined): CouponTemplateView {
  const v: CouponTemplateView = {
    id: t._id,
    ...terms(t, shops),
    validityText: validityText(t.validity),
    claimEndAt: t.claimWindow.endAt.getTime(),
    remaining: Math.max(0, t.totalQuantity - t.claimedCount),
    claimedByMe,
    perUserLimit: t.perUserLimit,
  };
  if (unavailableReason) v.unavailableReason = unavailableReason;
  return v;
}

/** A claimed coupon as the shopper sees it at `now` (an unused coupon past its validity shows as expired). */
export function userCouponView(c: UserCouponDoc, shops: Shops, now: number): UserCouponView {
  const validTo = c.validTo.getTime();
  return {
    id: c._id,
    templateId: c.templateId,
    ...terms(c.template, shops),
    status: effectiveCouponStatus({ status: c.status, validTo }, now),
    validFrom: c.validFrom.getTime(),
    validTo,
  };
}
