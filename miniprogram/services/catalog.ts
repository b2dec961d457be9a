import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type CategoryTree, type GoodsCard, type GoodsDetail, type HomeFeed, type Page, type Result, type SearchRequest, type ShopHome } from './contracts';

/** Banners, top categories, recommended and hot goods for the home tab. */
export function fetchHomeFeed(): Promise<Result<HomeFeed>> {
  return callFunction(FUNCTIONS.catalog, ACTIONS.catalog.home, {});
}

/** The category tree for the category tab. */
export function fetchCategories(): Promise<Result<CategoryTree>> {
  return callFunction(FUNCTIONS.catalog, ACTIONS.catalog.categories, {});
}

/** One page of goods matching the filters. */
export function searchGoods(request: SearchRequest): Promise<Result<Page<GoodsCard>>> {
  return callFunction(FUNCTIONS.catalog, ACTIONS.catalog.search, request);
}

/** A goods item with its specs and SKUs. */
export function fetchGoodsDetail(goodsId: string): Promise<Result<GoodsDetail>> {
  return callFunction(FUNCTIONS.catalog, ACTIONS.catalog.detail, { goodsId });
}

/** A shop's home page header (NOT_FOUND while the shop is suspended). */
export function fetchShopHome(shopId: string): Promise<Result<ShopHome>> {
  return callFunction(FUNCTIONS.catalog, ACTIONS.catalog.shop, { shopId });
}
