import type { GoodsCard, Page, SearchRequest } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { cursor, fen, id, obj, pageSize } from '../../../server/input';
import { mapPage, readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { toGoodsCards } from './goods-cards';
import { onSaleQuery, suspendedShopIds } from './on-sale';
import { MAX_KEYWORD_LENGTH, SORTS, searchQuery } from './search-query';

const input = obj({
  keyword: { type: 'string', maxLength: MAX_KEYWORD_LENGTH },
  categoryId: id,
  shopId: id,
  minPriceFen: fen,
  maxPriceFen: fen,
  sort: { type: 'string', enum: Object.keys(SORTS) },
  cursor,
  pageSize,
});

/** Goods on sale matching a keyword and filters, in the chosen order, one page at a time. */
export const search: ActionDef<SearchRequest, Page<GoodsCard>> = {
  input,
  async run(req) {
    const suspended = await suspendedShopIds();
    if (req.shopId && suspended.includes(req.shopId)) return { items: [], nextCursor: null };
    const query = searchQuery(req, onSaleQuery(suspended));
    const orderBy = SORTS[req.sort ?? 'default'];
    const page = await readPage(req.cursor, req.pageSize, (skip, limit) => repo.find('goods', query, { orderBy, skip, limit }));
    return mapPage(page, async (goods) => (await toGoodsCards(goods)).cards);
  },
};
