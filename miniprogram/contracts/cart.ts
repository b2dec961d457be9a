import type { NoPayload } from './common';

export type CartLineState = 'ok' | 'off_shelf' | 'sold_out' | 'insufficient_stock' | 'sku_removed';

export interface CartLine {
  /** The cart line id; stable while the SKU stays in the cart. */
  id: string;
  skuId: string;
  goodsId: string;
  shopId: string;
  title: string;
  coverUrl: string;
  specText: string;
  /** Current price (not the price when added). */
  priceFen: number;
  quantity: number;
  selected: boolean;
  stock: number;
  state: CartLineState;
}

export interface CartShopGroup {
  shopId: string;
  shopName: string;
  lines: CartLine[];
}

/** The server computes every amount; the page only displays them. */
export interface CartView {
  shops: CartShopGroup[];
  /** Pieces (sum of quantities) in the selected lines in state `ok`: what checkout would take. */
  selectedCount: number;
  /** Current price times quantity over the same lines. */
  selectedGoodsFen: number;
  /** Pieces in every line, whatever its state (the tab-bar badge; equals `count`). */
  totalQuantity: number;
}

export interface CartApi {
  view: { payload: NoPayload; result: CartView };
  add: { payload: { skuId: string; quantity: number }; result: CartView };
  setQuantity: { payload: { lineId: string; quantity: number }; result: CartView };
  remove: { payload: { lineIds: string[] }; result: CartView };
  select: { payload: { lineIds: string[] | 'all'; selected: boolean }; result: CartView };
  count: { payload: NoPayload; result: { totalQuantity: number } };
}

/** At most this many distinct SKUs in one cart. */
export const CART_MAX_LINES = 100;
