/**
 * Between stored documents (Dates, mutable arrays) and the domain's coupon model (epoch ms,
 * readonly), so the claim rules and the validity come from domain/coupon, not from here.
 */
import type { CouponTemplate, CouponTerms } from '../../../domain/coupon/coupon-template';
import type { UserCoupon } from '../../../domain/coupon/user-coupon';
import { stableId } from '../../../server/ids';
import type { CouponTemplateCore, CouponTemplateDoc, UserCouponDoc } from '../../../server/model';

/** The id of the per-shopper claim counter of a template. */
export const couponClaimId = (templateId: string, openid: string): string => stableId(templateId, openid);

export function toDomainTemplate(d: CouponTemplateDoc): CouponTemplate {
  const v = d.validity;
  return {
    id: d._id,
    title: d.title,
    issuer: d.issuer,
    kind: d.kind,
    amountFen: d.amountFen,
    thresholdFen: d.thresholdFen,
    percent: d.percent,
    maxDiscountFen: d.maxDiscountFen,
    scope: d.scope,
    validity: v.type === 'fixed' ? { type: 'fixed', startAt: v.startAt.getTime(), endAt: v.endAt.getTime() } : v,
    claimWindow: { startAt: d.claimWindow.startAt.getTime(), endAt: d.claimWindow.endAt.getTime() },
    totalQuantity: d.totalQuantity,
    perUserLimit: d.perUserLimit,
    status: d.status,
  };
}

function termsDoc(t: CouponTerms): CouponTemplateCore {
  const s = t.scope;
  const scope = s.type === 'all' ? { type: s.type } : s.type === 'categories' ? { type: s.type, categoryIds: [...s.categoryIds] } : { type: s.type, goodsIds: [...s.goodsIds] };
  const doc: CouponTemplateCore = { title: t.title, issuer: t.issuer.type === 'shop' ? { type: 'shop', shopId: t.issuer.shopId } : { type: 'platform' }, kind: t.kind, scope };
  if (t.amountFen !== undefined) doc.amountFen = t.amountFen;
  if (t.thresholdFen !== undefined) doc.thresholdFen = t.thresholdFen;
  if (t.percent !== undefined) doc.percent = t.percent;
  if (t.maxDiscountFen !== undefined) doc.maxDiscountFen = t.maxDiscountFen;
  return doc;
}

export function toUserCouponDoc(c: UserCoupon, claimedAt: Date): UserCouponDoc {
  return { _id: c.id, templateId: c.templateId, openid: c.openid, status: c.status, validFrom: new Date(c.validFrom), validTo: new Date(c.validTo), template: termsDoc(c.template), claimedAt, lockedBy: null, updatedAt: claimedAt };
}
