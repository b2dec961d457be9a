/**
 * 我的收藏. One document per shopper and goods item, `_id = stableId('favorite', openid, goodsId)`:
 * adding twice (or from two devices at once) writes one document, the duplicate insert is the
 * "already kept" answer. The cap is checked before inserting; racing adds may pass it by a few,
 * which costs nothing (it bounds list size, it is not money).
 */
import { FAVORITE_LIMITS } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail, notFound } from '../../../server/failure';
import type { ClientActions } from '../../../server/handler';
import { stableId } from '../../../server/ids';
import { cursor, id, ids, obj, pageSize } from '../../../server/input';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { withUserLock } from '../../../server/user-lock';
import { keptGoodsViews } from './kept-goods';

export const favoriteId = (openid: string, goodsId: string) => stableId('favorite', openid, goodsId);

type Actions = ClientActions<'favorite'>;

export const status: Actions['status'] = {
  input: obj({ goodsId: id }, ['goodsId']),
  async run(input, ctx) {
    return { favorite: (await repo.get('favorites', favoriteId(ctx.openid, input.goodsId))) !== null };
  },
};

export const add: Actions['add'] = {
  input: obj({ goodsId: id }, ['goodsId']),
  async run(input, ctx) {
    const docId = favoriteId(ctx.openid, input.goodsId);
    if (await repo.get('favorites', docId)) return { favorite: true };
    const goods = (await repo.get('goods', input.goodsId)) ?? notFound('商品');
    // counted and inserted under the shopper's lock, so favourites added at once cannot pass the limit together
    await withUserLock(ctx.openid, async () => {
      if ((await repo.count('favorites', { openid: ctx.openid })) >= FAVORITE_LIMITS.favoritesMax) fail('FAVORITES_FULL', `收藏夹已满（最多 ${FAVORITE_LIMITS.favoritesMax} 件），请先清理`);
      try {
        await repo.insert('favorites', { _id: docId, openid: ctx.openid, goodsId: goods._id, shopId: goods.shopId, createdAt: new Date(ctx.now) });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    });
    return { favorite: true };
  },
};

export const remove: Actions['remove'] = {
  input: obj({ goodsIds: ids(100) }, ['goodsIds']),
  async run(input, ctx) {
    // by _id, which embeds the caller: nobody removes another shopper's favourites
    const removed = await repo.remove('favorites', { _id: _.in(input.goodsIds.map((g) => favoriteId(ctx.openid, g))) });
    return { removed };
  },
};

export const list: Actions['list'] = {
  input: obj({ cursor, pageSize }),
  async run(input, ctx) {
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) =>
      repo.find('favorites', { openid: ctx.openid }, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip, limit }),
    );
    return { items: await keptGoodsViews(page.items.map((f) => ({ goodsId: f.goodsId, at: f.createdAt }))), nextCursor: page.nextCursor };
  },
};

