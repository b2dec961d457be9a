import type { AfterSaleStatus, AfterSaleView, Page, PageRequest } from '../../../miniprogram/contracts';
import { AFTER_SALE_STATES, approvalEvent } from '../../../domain';
import { requireShopRole } from '../../../server/auth';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { issueRefund } from './issue-refund';
import { reread, shopAfterSale } from './own';
import { transition } from './transition';
import { afterSaleView, withPhotoLinks } from './views';

/** The shop's requests by state, newest first (indexes by_shop_status, by_shop_created). */
export const shopList: ActionDef<PageRequest & { shopId: string; status?: AfterSaleStatus | 'all' }, Page<AfterSaleView>> = {
  input: obj({ shopId: id, status: { enum: ['all', ...AFTER_SALE_STATES] }, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const status = input.status && input.status !== 'all' ? { status: input.status } : {};
    return readPage(input.cursor, input.pageSize, async (skip, limit) => {
      const docs = await repo.find('after_sales', { shopId: input.shopId, ...status }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit });
      return withPhotoLinks(docs.map((a) => afterSaleView(a, 'shop')));
    });
  },
};

export const shopDetail: ActionDef<{ shopId: string; id: string }, AfterSaleView> = {
  input: obj({ shopId: id, id }, ['shopId', 'id']),
  async run(input, ctx) {
    const a = await shopAfterSale(ctx, input.shopId, input.id);
    return withPhotoLinks(afterSaleView(a, 'shop', a.refundId ? await repo.get('refunds', a.refundId) : null));
  },
};

const note = { type: 'string', maxLength: 200 } as const;

/**
 * Approves a request: refund only issues the refund now; return and refund waits for the goods
 * (the optional note, e.g. the return address, is shown to the shopper).
 */
export const approve: ActionDef<{ shopId: string; id: string; note?: string }, AfterSaleView> = {
  input: obj({ shopId: id, id, note }, ['shopId', 'id']),
  async run(input, ctx) {
    const a = await shopAfterSale(ctx, input.shopId, input.id);
    const text = input.note?.trim() || undefined;
    const event = approvalEvent(a.type);
    const after =
      event === 'approveRefund'
        ? await issueRefund(a, event, { by: ctx.openid, now: ctx.now, note: text })
        : await transition(a, event, { by: ctx.openid, now: ctx.now, note: text, patch: text ? { shopNote: text } : {} });
    return withPhotoLinks(afterSaleView(await reread(after._id, after), 'shop'));
  },
};

export const reject: ActionDef<{ shopId: string; id: string; reason: string }, AfterSaleView> = {
  input: obj({ shopId: id, id, reason: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } }, ['shopId', 'id', 'reason']),
  async run(input, ctx) {
    const a = await shopAfterSale(ctx, input.shopId, input.id);
    const reason = input.reason.trim();
    return withPhotoLinks(afterSaleView(await transition(a, 'reject', { by: ctx.openid, now: ctx.now, note: reason, patch: { rejectReason: reason } }), 'shop'));
  },
};

/** The returned goods arrived: stock goes back and the refund is issued. */
export const confirmReturn: ActionDef<{ shopId: string; id: string }, AfterSaleView> = {
  input: obj({ shopId: id, id }, ['shopId', 'id']),
  async run(input, ctx) {
    const a = await shopAfterSale(ctx, input.shopId, input.id);
    const after = await issueRefund(a, 'confirmReturn', { by: ctx.openid, now: ctx.now });
    return withPhotoLinks(afterSaleView(await reread(after._id, after), 'shop'));
  },
};
