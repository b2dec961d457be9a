import type { NoPayload, Page, PageRequest } from './common';

export interface Banner {
  id: string;
  imageUrl: string;
  title: string;
  /** Where a tap leads: a goods detail, a category, or a search. */
  link: { type: 'goods'; goodsId: string } | { type: 'category'; categoryId: string } | { type: 'search'; keyword: string } | { type: 'none' };
}

export interface CategorySummary {
  id: string;
  name: string;
  iconUrl: string;
}

export interface GoodsCard {
  id: string;
  title: string;
  coverUrl: string;
  shopId: string;
  shopName: string;
  /** Lowest SKU price. */
  priceFen: number;
  /** Crossed-out price, present only when higher than `priceFen`. */
  originalPriceFen?: number;
  sales: number;
  /** False when every SKU is sold out. */
  inStock: boolean;
}

export interface HomeFeed {
  banners: Banner[];
  categories: CategorySummary[];
  recommended: GoodsCard[];
  hot: GoodsCard[];
}

export interface CategoryNode extends CategorySummary {
  children: CategoryNode[];
}

/** Top-level categories in display order, each with its sub-categories (up to three levels). */
export interface CategoryTree {
  categories: CategoryNode[];
}

export type SearchSort = 'default' | 'price_asc' | 'price_desc' | 'sales' | 'newest';

export interface SearchRequest extends PageRequest {
  keyword?: string;
  categoryId?: string;
  shopId?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
  sort?: SearchSort;
}

export interface SpecDimension {
  name: string;
  values: string[];
}

export interface SkuView {
  id: string;
  specValues: Record<string, string>;
  specText: string;
  priceFen: number;
  originalPriceFen?: number;
  stock: number;
}

export interface GoodsDetail {
  id: string;
  title: string;
  subtitle: string;
  images: string[];
  detailImages: string[];
  shop: { id: string; name: string; logoUrl: string };
  categoryIds: string[];
  specs: SpecDimension[];
  skus: SkuView[];
  priceFen: number;
  originalPriceFen?: number;
  sales: number;
  onShelf: boolean;
}

export interface CatalogApi {
  home: { payload: NoPayload; result: HomeFeed };
  categories: { payload: NoPayload; result: CategoryTree };
  search: { payload: SearchRequest; result: Page<GoodsCard> };
  detail: { payload: { goodsId: string }; result: GoodsDetail };
  /** A shop's home page header; its goods come from `search` with `shopId`. NOT_FOUND for a suspended shop. */
  shop: { payload: { shopId: string }; result: ShopHome };
}

export interface ShopHome {
  id: string;
  name: string;
  logoUrl: string;
  description: string;
  announcement: string;
  bannerUrl: string;
  /** Goods on the shelf. */
  goodsCount: number;
  /** Pieces sold over all its goods. */
  sales: number;
}
