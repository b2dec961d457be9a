/** Page URLs, built in one place so no page spells another page's path. */
import type { OrderListFilter } from '../contracts';

export interface SearchQuery {
  keyword?: string;
  categoryId?: string;
  /** Shown as the page title when searching a category. */
  title?: string;
  shopId?: string;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

export const TAB_URLS = {
  home: '/pages/home/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
} as const;

export const ROUTES = {
  search: (query: SearchQuery = {}) => withQuery('/packages/goods/search/index', { ...query }),
  goodsDetail: (goodsId: string) => withQuery('/packages/goods/detail/index', { goodsId }),
  checkout: () => '/packages/order/checkout/index',
  payResult: (paymentId: string) => withQuery('/packages/order/pay-result/index', { paymentId }),
  orderList: (status: OrderListFilter = 'all') => withQuery('/packages/order/list/index', { status }),
  orderDetail: (orderId: string) => withQuery('/packages/order/detail/index', { orderId }),
  addresses: (mode: 'manage' | 'select' = 'manage') => withQuery('/packages/user/addresses/index', { mode: mode === 'select' ? 'select' : undefined }),
  addressEdit: (addressId?: string) => withQuery('/packages/user/address-edit/index', { addressId }),
  couponCenter: () => '/packages/coupon/center/index',
  myCoupons: () => '/packages/coupon/mine/index',
  shopHome: (shopId: string) => withQuery('/packages/goods/shop/index', { shopId }),
  goodsReviews: (goodsId: string) => withQuery('/packages/goods/reviews/index', { goodsId }),
  writeReview: (orderId: string) => withQuery('/packages/order/review/index', { orderId }),
  favorites: () => '/packages/user/favorites/index',
  browsingHistory: () => '/packages/user/history/index',
  devMenu: () => '/packages/dev/identity/index',
} as const;

/**
 * A text value from `onLoad`'s query as it was before {@link ROUTES} encoded it (WeChat hands the
 * query over still encoded); a value that is not valid percent-encoding comes back as it is.
 */
export function queryText(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
