import type { Page, PageRequest, UserCouponView } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { cursor, empty, obj, pageSize } from '../../../server/input';
import { mapPage, readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { issuerShops, userCouponView } from './coupon-views';

type Tab = 'unused' | 'used' | 'expired';

/**
 * The tabs of "my coupons". Expiry is decided at read time: an `unused` coupon past `validTo` is
 * listed (and shown) as expired even before anything rewrites its status. A `locked` coupon is
 * held by an unpaid order: it is listed under `unused` with status `locked` (it comes back when the
 * order is cancelled, or becomes used when it is paid), whatever its validTo, as the domain's
 * `effectiveCouponStatus` says.
 */
const TABS: Record<Tab, { query(now: Date): unknown; orderBy: Array<[string, 'asc' | 'desc']> }> = {
  unused: { query: (now) => _.or([{ status: 'unused', validTo: _.gt(now) }, { status: 'locked' }]), orderBy: [['validTo', 'asc'], ['_id', 'asc']] },
  used: { query: () => ({ status: 'used' }), orderBy: [['updatedAt', 'desc'], ['_id', 'asc']] },
  expired: { query: (now) => _.or([{ status: 'expired' }, { status: 'unused', validTo: _.lte(now) }]), orderBy: [['validTo', 'desc'], ['_id', 'asc']] },
};

export const mine: ActionDef<PageRequest & { status: Tab }, Page<UserCouponView>> = {
  input: obj({ status: { type: 'string', enum: Object.keys(TABS) }, cursor, pageSize }, ['status']),
  async run(req, ctx) {
    const tab = TABS[req.status];
    const query = _.and([{ openid: ctx.openid }, tab.query(new Date(ctx.now))]);
    const page = await readPage(req.cursor, req.pageSize, (skip, limit) => repo.find('user_coupons', query, { orderBy: tab.orderBy, skip, limit }));
    return mapPage(page, async (coupons) => {
      const shops = await issuerShops(coupons.map((c) => c.template.issuer));
      return coupons.map((c) => userCouponView(c, shops, ctx.now));
    });
  },
};

/** Coupons the caller can use now (unused and still valid; locked ones are not counted). */
export const counts: ActionDef<Record<string, never>, { unused: number }> = {
  input: empty,
  async run(_input, ctx) {
    return { unused: await repo.count('user_coupons', { openid: ctx.openid, status: 'unused', validTo: _.gt(new Date(ctx.now)) }) };
  },
};
