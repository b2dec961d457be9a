import type { GoodsShelfStatus, Page, ShopGoodsDetail, ShopGoodsItem, ShopGoodsListRequest } from '../../../miniprogram/contracts';
import { _, db } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import type { GoodsDoc } from '../../../server/model';
import { mapPage, readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { canRead, canWrite, ownGoods } from './access';
import { goodsDetail, goodsItem, isLowStock } from './views';

/** The most SKUs a goods item has (the SKU matrix allows 100). */
export const MAX_SKUS_READ = 1000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Goods (of `goodsIds`) with at least one SKU at or below its low-stock threshold. */
async function lowStockGoods(goodsIds: string[]): Promise<Set<string>> {
  if (goodsIds.length === 0) return new Set();
  const skus = await repo.find('skus', { goodsId: _.in(goodsIds) }, { fields: { goodsId: true, stock: true, lowStockThreshold: true }, limit: MAX_SKUS_READ });
  return new Set(skus.filter(isLowStock).map((s) => s.goodsId));
}

/** The shop's own goods, on or off the shelf, newest first; a keyword matches the title. */
export const listGoods: ActionDef<ShopGoodsListRequest, Page<ShopGoodsItem>> = {
  input: obj({ shopId: id, status: { enum: ['on_shelf', 'off_shelf'] }, keyword: { type: 'string', maxLength: 30 }, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await canRead(ctx, input.shopId);
    const query: Record<string, unknown> = { shopId: input.shopId };
    if (input.status) query.status = input.status;
    const keyword = input.keyword?.trim();
    if (keyword) query.title = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('goods', query, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip, limit }));
    return mapPage(page, async (goods: GoodsDoc[]) => {
      const low = await lowStockGoods(goods.map((g) => g._id));
      return goods.map((g) => goodsItem(g, low.has(g._id)));
    });
  },
};

/** Reads a goods item of the shop with every SKU, for the edit form. */
export async function loadDetail(shopId: string, goodsId: string): Promise<ShopGoodsDetail> {
  const goods = await ownGoods(shopId, goodsId);
  const [skus, categories] = await Promise.all([repo.find('skus', { goodsId }, { limit: MAX_SKUS_READ }), repo.getMany('categories', goods.categoryIds)]);
  return goodsDetail(goods, skus, categories);
}

export const getGoods: ActionDef<{ shopId: string; goodsId: string }, ShopGoodsDetail> = {
  input: obj({ shopId: id, goodsId: id }, ['shopId', 'goodsId']),
  async run(input, ctx) {
    await canRead(ctx, input.shopId);
    return loadDetail(input.shopId, input.goodsId);
  },
};

/** Puts a goods item on or off the shelf (repeats change nothing). */
export const setOnShelf: ActionDef<{ shopId: string; goodsId: string; onShelf: boolean }, { id: string; status: GoodsShelfStatus }> = {
  input: obj({ shopId: id, goodsId: id, onShelf: { type: 'boolean' } }, ['shopId', 'goodsId', 'onShelf']),
  async run(input, ctx) {
    await canWrite(ctx, input.shopId);
    const goods = await ownGoods(input.shopId, input.goodsId);
    const status: GoodsShelfStatus = input.onShelf ? 'on_shelf' : 'off_shelf';
    if (goods.status !== status) await repo.update('goods', goods._id, { status, updatedAt: new Date(ctx.now) }, { shopId: input.shopId });
    return { id: goods._id, status };
  },
};
