import type { AfterSaleView, Page, PageRequest } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { ownAfterSale, reread } from './own';
import { transition } from './transition';
import { afterSaleView, withPhotoLinks } from './views';

/** The caller's requests, newest first (index by_owner_created). */
export const mine: ActionDef<PageRequest, Page<AfterSaleView>> = {
  input: obj({ cursor, pageSize }),
  async run(input, ctx) {
    return readPage(input.cursor, input.pageSize, async (skip, limit) => {
      const docs = await repo.find('after_sales', { openid: ctx.openid }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit });
      return withPhotoLinks(docs.map((a) => afterSaleView(a, 'shopper')));
    });
  },
};

export const detail: ActionDef<{ id: string }, AfterSaleView> = {
  input: obj({ id }, ['id']),
  async run(input, ctx) {
    const a = await ownAfterSale(ctx, input.id);
    return withPhotoLinks(afterSaleView(a, 'shopper', a.refundId ? await repo.get('refunds', a.refundId) : null));
  },
};

/** The shopper withdraws a request while requested or awaiting the return; its lines are free again. */
export const cancel: ActionDef<{ id: string }, AfterSaleView> = {
  input: obj({ id }, ['id']),
  async run(input, ctx) {
    const a = await ownAfterSale(ctx, input.id);
    return withPhotoLinks(afterSaleView(await transition(a, 'cancel', { by: ctx.openid, now: ctx.now }), 'shopper'));
  },
};

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

/** The shopper sent the goods back: carrier and tracking number (awaiting_return → returning). */
export const submitReturn: ActionDef<{ id: string; carrier: string; trackingNo: string }, AfterSaleView> = {
  input: obj({ id, carrier: text(30), trackingNo: { type: 'string', pattern: '^[A-Za-z0-9-]{4,32}$' } }, ['id', 'carrier', 'trackingNo']),
  async run(input, ctx) {
    const a = await ownAfterSale(ctx, input.id);
    const returnLogistics = { carrier: input.carrier.trim(), trackingNo: input.trackingNo };
    await transition(a, 'submitReturn', { by: ctx.openid, now: ctx.now, note: `${returnLogistics.carrier} ${returnLogistics.trackingNo}`, patch: { returnLogistics } });
    return withPhotoLinks(afterSaleView(await reread(a._id, a), 'shopper'));
  },
};
