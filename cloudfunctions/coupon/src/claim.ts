/**
 * Claiming a coupon, safe under any concurrency WITHOUT a transaction on the template.
 *
 * A flash coupon is one hot document that hundreds of shoppers write at once; a transaction per
 * claim would conflict on it and runTransaction retries only a few times, so claims would fail
 * although copies remain. Instead the claim is a saga of conditional atomic updates (each one is
 * applied atomically by the database, so a limit written into its condition cannot be exceeded),
 * and a failed step undoes the steps before it:
 *
 *   0. check  read the template and the shopper's counter; refuse early with the domain's
 *             `canClaim` (paused, not started, ended, sold out, limit reached); no writes.
 *   1. quota  the shopper's counter in `coupon_claims` (id = stableId(templateId, openid)):
 *             insert it with count 1, or `count += 1 where count < perUserLimit`.
 *             Nothing matched: COUPON_LIMIT_REACHED.     undo: `count -= 1 where count > 0`
 *   2. copy   `claimedCount += 1 where claimedCount < totalQuantity and status = active` on the
 *             template. Nothing matched: COUPON_SOLD_OUT (or PAUSED).
 *                                                         undo: `claimedCount -= 1 where > 0`
 *   3. issue  insert the `user_coupons` document: status unused, validity from the domain's
 *             `validityFor`, a snapshot of the template's terms.
 *
 * If the function dies between steps, a counter stays one too high: the shopper may claim one
 * coupon fewer, or one copy is never issued. Errors can only undersell, never oversell.
 * The limits in the conditions are the values read in step 0: an operator lowering totalQuantity
 * during a burst should pause the template first.
 */
import type { UserCouponView } from '../../../miniprogram/contracts';
import { canClaim, type ClaimCode } from '../../../domain/coupon/can-claim';
import { issueUserCoupon } from '../../../domain/coupon/user-coupon';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef, CallContext } from '../../../server/handler';
import { newId } from '../../../server/ids';
import { id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { CouponClaimDoc, CouponTemplateDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { couponClaimId, toDomainTemplate, toUserCouponDoc } from './coupon-model';
import { claimMessage, SHOP_SUSPENDED_MESSAGE } from './coupon-texts';
import { issuerShops, userCouponView } from './coupon-views';

type Undo = () => Promise<unknown>;

const refuse = (t: CouponTemplateDoc, code: ClaimCode): never => fail(code, claimMessage(code, t.perUserLimit));

/** Step 1: one more coupon for this shopper, within the per-user limit. */
async function takeQuota(t: CouponTemplateDoc, counter: CouponClaimDoc | null, ctx: CallContext): Promise<Undo> {
  const claimId = couponClaimId(t._id, ctx.openid);
  const now = new Date(ctx.now);
  const undo: Undo = () => repo.update('coupon_claims', claimId, { count: _.inc(-1), updatedAt: now }, { count: _.gt(0) });
  if (!counter) {
    try {
      await repo.insert('coupon_claims', { _id: claimId, templateId: t._id, openid: ctx.openid, count: 1, updatedAt: now });
      return undo;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // a concurrent claim of the same shopper created it
    }
  }
  if (!(await repo.update('coupon_claims', claimId, { count: _.inc(1), updatedAt: now }, { count: _.lt(t.perUserLimit) }))) refuse(t, 'COUPON_LIMIT_REACHED');
  return undo;
}

/** Step 2: one copy of the template, within its total quantity. */
async function takeCopy(t: CouponTemplateDoc): Promise<Undo> {
  if (!(await repo.update('coupon_templates', t._id, { claimedCount: _.inc(1) }, { status: 'active', claimedCount: _.lt(t.totalQuantity) }))) {
    // nothing matched: sold out, unless the template was paused meanwhile (read once, to say which)
    const latest = await repo.get('coupon_templates', t._id);
    refuse(t, latest?.status === 'paused' ? 'COUPON_PAUSED' : 'COUPON_SOLD_OUT');
  }
  return () => repo.update('coupon_templates', t._id, { claimedCount: _.inc(-1) }, { claimedCount: _.gt(0) });
}

/** Runs the undo steps newest first; an undo that fails is logged, the original error wins. */
async function compensate(undo: Undo[], cause: unknown, templateId: string, openid: string): Promise<void> {
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (e) {
      logEvent('coupon_claim_compensation_failed', { templateId, openid, cause: String((cause as Error)?.message ?? cause), error: String((e as Error)?.message ?? e) });
    }
  }
}

export const claim: ActionDef<{ templateId: string }, UserCouponView> = {
  input: obj({ templateId: id }, ['templateId']),
  async run({ templateId }, ctx) {
    const [t, counter] = await Promise.all([repo.get('coupon_templates', templateId), repo.get('coupon_claims', couponClaimId(templateId, ctx.openid))]);
    if (!t) return notFound('优惠券');
    const shops = await issuerShops([t.issuer]);
    if (t.issuer.type === 'shop' && shops.get(t.issuer.shopId)?.status !== 'active') fail('COUPON_PAUSED', SHOP_SUSPENDED_MESSAGE);
    const template = toDomainTemplate(t);
    const allowed = canClaim(template, { now: ctx.now, claimedByUser: counter?.count ?? 0, claimedTotal: t.claimedCount });
    if (!allowed.ok) refuse(t, allowed.code);

    const undo: Undo[] = [];
    try {
      undo.push(await takeQuota(t, counter, ctx));
      undo.push(await takeCopy(t));
      const doc = toUserCouponDoc(issueUserCoupon(template, { id: newId(), openid: ctx.openid, claimedAt: ctx.now }), new Date(ctx.now));
      await repo.insert('user_coupons', doc);
      return userCouponView(doc, shops, ctx.now);
    } catch (e) {
      await compensate(undo, e, t._id, ctx.openid);
      throw e;
    }
  },
};
