/** URLs of the shop admin subpackage; every page there takes the shop in `shopId`. */

const withShop = (path: string, shopId: string, extra: Record<string, string> = {}): string =>
  `${path}?${Object.entries({ shopId, ...extra })
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;

export const SHOP_ROUTES = {
  overview: (shopId?: string) => (shopId ? withShop('/packages/shop/overview/index', shopId) : '/packages/shop/overview/index'),
  goods: (shopId: string) => withShop('/packages/shop/goods/index', shopId),
  goodsEdit: (shopId: string, goodsId?: string) => withShop('/packages/shop/goods-edit/index', shopId, goodsId ? { goodsId } : {}),
  orders: (shopId: string) => withShop('/packages/shop/orders/index', shopId),
  aftersales: (shopId: string) => withShop('/packages/shop/aftersales/index', shopId),
  finance: (shopId: string) => withShop('/packages/shop/finance/index', shopId),
  reviews: (shopId: string) => withShop('/packages/shop/reviews/index', shopId),
  settings: (shopId: string) => withShop('/packages/shop/settings/index', shopId),
  staff: (shopId: string) => withShop('/packages/shop/staff/index', shopId),
  join: (code?: string) => (code ? `/packages/shop/join/index?code=${encodeURIComponent(code)}` : '/packages/shop/join/index'),
} as const;
