/**
 * 浏览记录. One document per shopper and goods item (`stableId('history', openid, goodsId)`), its
 * `viewedAt` set on every visit, so the list has each goods once, latest first. The goods detail page
 * records a visit without waiting for the answer. At most FAVORITE_LIMITS.historyMax entries per
 * shopper: a visit that finds more trims the oldest (a count by index, and rarely a removal).
 */
import { FAVORITE_LIMITS } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import { notFound } from '../../../server/failure';
import type { ClientActions } from '../../../server/handler';
import { stableId } from '../../../server/ids';
import { cursor, empty, id, ids, obj, pageSize } from '../../../server/input';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { keptGoodsViews } from './kept-goods';

export const historyId = (openid: string, goodsId: string) => stableId('history', openid, goodsId);

type Actions = ClientActions<'favorite'>;

export const record: Actions['record'] = {
  input: obj({ goodsId: id }, ['goodsId']),
  async run(input, ctx) {
    const now = new Date(ctx.now);
    const docId = historyId(ctx.openid, input.goodsId);
    if (!(await repo.update('browse_history', docId, { viewedAt: now }))) {
      if (!(await repo.get('goods', input.goodsId))) notFound('商品');
      // set: a racing first visit from another page writes the same document
      await repo.set('browse_history', { _id: docId, openid: ctx.openid, goodsId: input.goodsId, viewedAt: now });
      await trim(ctx.openid);
    }
    return {};
  },
};

async function trim(openid: string): Promise<void> {
  const total = await repo.count('browse_history', { openid });
  const extra = total - FAVORITE_LIMITS.historyMax;
  if (extra <= 0) return;
  const oldest = await repo.find('browse_history', { openid }, { orderBy: [['viewedAt', 'asc'], ['_id', 'asc']], limit: Math.min(extra, 100), fields: { _id: true } });
  await repo.remove('browse_history', { _id: _.in(oldest.map((h) => h._id)), openid });
}

export const history: Actions['history'] = {
  input: obj({ cursor, pageSize }),
  async run(input, ctx) {
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) =>
      repo.find('browse_history', { openid: ctx.openid }, { orderBy: [['viewedAt', 'desc'], ['_id', 'asc']], skip, limit }),
    );
    return { items: await keptGoodsViews(page.items.map((h) => ({ goodsId: h.goodsId, at: h.viewedAt }))), nextCursor: page.nextCursor };
  },
};

export const removeHistory: Actions['removeHistory'] = {
  input: obj({ goodsIds: ids(100) }, ['goodsIds']),
  async run(input, ctx) {
    return { removed: await repo.remove('browse_history', { _id: _.in(input.goodsIds.map((g) => historyId(ctx.openid, g))) }) };
  },
};

export const clearHistory: Actions['clearHistory'] = {
  input: empty,
  async run(_input, ctx) {
    return { removed: await repo.remove('browse_history', { openid: ctx.openid }) };
  },
};
