import type { ShopApplication, ShopSummary } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef, CallContext } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { stableId } from '../../../server/ids';
import { logEvent } from '../../../server/log';
import type { ShopApplicationDoc, ShopDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { notifyReview, reviewTemplateId } from './notify';
import { applicationViewOf, shopSummary } from './views';

/** A new shop ships for free until its owner sets a fee. */
export const DEFAULT_SHIPPING: ShopDoc['shipping'] = { feeFen: 0, freeThresholdFen: null };

/** The shop an application creates: derived from the application, so a repeated approval finds it. */
export const shopIdOf = (applicationId: string): string => stableId('shop', applicationId);

async function application(applicationId: string): Promise<ShopApplicationDoc> {
  return (await repo.get('shop_applications', applicationId)) ?? notFound('开店申请');
}

type Approval = { changed: boolean; app: ShopApplicationDoc; shop: ShopDoc | null };

/**
 * One transaction creates the shop (active, default shipping), makes the applicant its owner and
 * marks the application approved; the message goes out after the commit. Approving an approved
 * application again answers the same shop and sends nothing; a rejected one is CONFLICT.
 */
async function approveInTx(applicationId: string, ctx: CallContext): Promise<Approval> {
  const now = new Date(ctx.now);
  return inTransaction(async (tx) => {
    const app = await tx.get('shop_applications', applicationId);
    if (!app || app.status !== 'pending') return { changed: false, app: app as ShopApplicationDoc, shop: app?.shopId ? await tx.get('shops', app.shopId) : null };
    const shopId = shopIdOf(app._id);
    const shop: ShopDoc = { _id: shopId, name: app.shopName, logoUrl: '', description: '', ownerOpenid: app.openid, status: 'active', shipping: DEFAULT_SHIPPING, createdAt: now, updatedAt: now };
    if (!(await tx.get('shops', shopId))) await tx.insert('shops', shop);
    const roles = await tx.get('roles', app.openid);
    if (roles) {
      await tx.update('roles', app.openid, { shops: [...roles.shops.filter((s) => s.shopId !== shopId), { shopId, role: 'owner' }], updatedAt: now });
    } else {
      await tx.set('roles', { _id: app.openid, platformAdmin: false, shops: [{ shopId, role: 'owner' }], updatedAt: now });
    }
    const patch = { status: 'approved' as const, shopId, reviewerOpenid: ctx.openid, reviewedAt: now, updatedAt: now };
    await tx.update('shop_applications', app._id, patch);
    return { changed: true, app: { ...app, ...patch }, shop };
  });
}

export const approve: ActionDef<{ applicationId: string }, { application: ShopApplication; shop: ShopSummary }> = {
  input: obj({ applicationId: id }, ['applicationId']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    reviewTemplateId(); // the result message needs it: a missing setting fails here, before any change
    await application(input.applicationId);
    const { changed, app, shop } = await approveInTx(input.applicationId, ctx);
    if (!app) return notFound('开店申请');
    if (app.status !== 'approved' || !shop) return fail('CONFLICT', '该申请已被驳回', { status: app.status });
    if (changed) {
      logEvent('shop_application_approved', { applicationId: app._id, shopId: shop._id, by: ctx.openid });
      await notifyReview(app);
    }
    return { application: await applicationViewOf(app), shop: shopSummary(shop) };
  },
};

/** Rejects a pending application with a reason; rejecting it again answers the same, approving it first is CONFLICT. */
export const reject: ActionDef<{ applicationId: string; reason: string }, { application: ShopApplication }> = {
  input: obj({ applicationId: id, reason: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } }, ['applicationId', 'reason']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    reviewTemplateId(); // as in approve
    const before = await application(input.applicationId);
    const now = new Date(ctx.now);
    const patch = { status: 'rejected' as const, reason: input.reason.trim(), reviewerOpenid: ctx.openid, reviewedAt: now, updatedAt: now };
    if (await repo.update('shop_applications', before._id, patch, { status: 'pending' })) {
      const app = { ...before, ...patch };
      logEvent('shop_application_rejected', { applicationId: app._id, by: ctx.openid });
      await notifyReview(app);
      return { application: await applicationViewOf(app) };
    }
    const after = await application(input.applicationId);
    if (after.status !== 'rejected') fail('CONFLICT', '该申请已通过审核', { status: after.status });
    return { application: await applicationViewOf(after) };
  },
};
