import type { NoPayload, Page, PageRequest } from './common';

/** At most this many favourites per shopper; browsing history keeps the latest HISTORY_MAX goods. */
export const FAVORITE_LIMITS = { favoritesMax: 500, historyMax: 100 } as const;

/** Why a kept goods item cannot be bought now. */
export type KeptGoodsState = 'on_sale' | 'sold_out' | 'off_shelf' | 'removed' | 'shop_closed';

/** A goods item in 我的收藏 or 浏览记录, with its current title, picture and price. */
export interface KeptGoods {
  goodsId: string;
  title: string;
  coverUrl: string;
  priceFen: number;
  shopName: string;
  state: KeptGoodsState;
  /** When it was added to favourites, or last viewed (epoch ms). */
  at: number;
}

export interface FavoriteApi {
  status: { payload: { goodsId: string }; result: { favorite: boolean } };
  add: { payload: { goodsId: string }; result: { favorite: true } };
  remove: { payload: { goodsIds: string[] }; result: { removed: number } };
  list: { payload: PageRequest; result: Page<KeptGoods> };
  record: { payload: { goodsId: string }; result: Record<string, never> };
  history: { payload: PageRequest; result: Page<KeptGoods> };
  removeHistory: { payload: { goodsIds: string[] }; result: { removed: number } };
  clearHistory: { payload: NoPayload; result: { removed: number } };
}
