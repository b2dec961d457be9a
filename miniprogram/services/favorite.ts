/** 我的收藏 and 浏览记录 of the signed-in shopper (function `favorite`). */
import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type KeptGoods, type Page, type Result } from './contracts';


export function fetchFavoriteStatus(goodsId: string): Promise<Result<{ favorite: boolean }>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.status, { goodsId });
}

export function addFavorite(goodsId: string): Promise<Result<{ favorite: true }>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.add, { goodsId });
}

export function removeFavorites(goodsIds: string[]): Promise<Result<{ removed: number }>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.remove, { goodsIds });
}

export function fetchFavorites(cursor: string | null, pageSize: number): Promise<Result<Page<KeptGoods>>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.list, pageRequest(cursor, pageSize));
}

/** Records a visit of a goods page; callers do not wait for it. */
export function recordView(goodsId: string): Promise<Result<Record<string, never>>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.record, { goodsId });
}

export function fetchHistory(cursor: string | null, pageSize: number): Promise<Result<Page<KeptGoods>>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.history, pageRequest(cursor, pageSize));
}

export function removeHistory(goodsIds: string[]): Promise<Result<{ removed: number }>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.removeHistory, { goodsIds });
}

export function clearHistory(): Promise<Result<{ removed: number }>> {
  return callFunction(FUNCTIONS.favorite, ACTIONS.favorite.clearHistory, {});
}
