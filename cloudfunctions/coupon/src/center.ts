import type { CouponTemplateView, Page, PageRequest } from '../../../miniprogram/contracts';
import { canClaim } from '../../../domain/coupon/can-claim';
import { _ } from '../../../server/cloud';
import type { ActionDef, CallContext } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import type { CouponTemplateDoc } from '../../../server/model';
import { mapPage, readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { couponClaimId, toDomainTemplate } from './coupon-model';
import { claimMessage, SHOP_SUSPENDED_MESSAGE } from './coupon-texts';
import { issuerShops, templateView } from './coupon-views';

/** Templates a shopper can claim now: active and inside their claim window. */
function claimableQuery(shopId: string | undefined, now: number): Record<string, unknown> {
  const issuer = shopId ? { 'issuer.type': 'shop', 'issuer.shopId': shopId } : { 'issuer.type': 'platform' };
  return { status: 'active', ...issuer, 'claimWindow.startAt': _.lte(new Date(now)), 'claimWindow.endAt': _.gt(new Date(now)) };
}

async function views(templates: CouponTemplateDoc[], ctx: CallContext): Promise<CouponTemplateView[]> {
  if (templates.length === 0) return [];
  const [counters, shops] = await Promise.all([repo.getMany('coupon_claims', templates.map((t) => couponClaimId(t._id, ctx.openid))), issuerShops(templates.map((t) => t.issuer))]);
  return templates.map((t) => {
    const claimedByMe = counters.get(couponClaimId(t._id, ctx.openid))?.count ?? 0;
    const allowed = canClaim(toDomainTemplate(t), { now: ctx.now, claimedByUser: claimedByMe, claimedTotal: t.claimedCount });
    const suspended = t.issuer.type === 'shop' && shops.get(t.issuer.shopId)?.status !== 'active';
    const reason = suspended ? SHOP_SUSPENDED_MESSAGE : allowed.ok ? undefined : claimMessage(allowed.code, t.perUserLimit);
    return templateView(t, shops, claimedByMe, reason);
  });
}

/**
 * The coupon center: platform coupons, or with `shopId` that shop's coupons, that are claimable
 * now (ending soonest first). Sold-out ones and ones the caller has reached the limit of are
 * listed with `unavailableReason`.
 */
export const center: ActionDef<PageRequest & { shopId?: string }, Page<CouponTemplateView>> = {
  input: obj({ shopId: id, cursor, pageSize }),
  async run(req, ctx) {
    const query = claimableQuery(req.shopId, ctx.now);
    const page = await readPage(req.cursor, req.pageSize, (skip, limit) =>
      repo.find('coupon_templates', query, { orderBy: [['claimWindow.endAt', 'asc'], ['_id', 'asc']], skip, limit }),
    );
    return mapPage(page, (templates) => views(templates, ctx));
  },
};
