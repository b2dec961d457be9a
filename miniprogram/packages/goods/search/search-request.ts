import type { SearchRequest, SearchSort } from '../../../services/contracts';

/** The sort tabs: 价格 toggles between ascending and descending. */
export type SortTab = 'default' | 'sales' | 'price' | 'newest';

export interface SearchFilters {
  keyword: string;
  categoryId: string;
  shopId: string;
  sort: SearchSort;
  /** Null: no bound. */
  minPriceFen: number | null;
  maxPriceFen: number | null;
}

export function sortTabOf(sort: SearchSort): SortTab {
  if (sort === 'price_asc' || sort === 'price_desc') return 'price';
  return sort;
}

/** The sort a tap on a tab gives: the price tab flips its direction when tapped again. */
export function nextSort(current: SearchSort, tab: SortTab): SearchSort {
  if (tab !== 'price') return tab;
  return current === 'price_asc' ? 'price_desc' : 'price_asc';
}

/** The request for one page; empty filters are left out. */
export function toSearchRequest(filters: SearchFilters, cursor: string | null, pageSize: number): SearchRequest {
  const keyword = filters.keyword.trim();
  return {
    pageSize,
    sort: filters.sort,
    ...(cursor ? { cursor } : {}),
    ...(keyword ? { keyword } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.shopId ? { shopId: filters.shopId } : {}),
    ...(filters.minPriceFen !== null ? { minPriceFen: filters.minPriceFen } : {}),
    ...(filters.maxPriceFen !== null ? { maxPriceFen: filters.maxPriceFen } : {}),
  };
}
