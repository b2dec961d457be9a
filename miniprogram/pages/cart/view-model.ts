import type { CartLine, CartLineState, CartView } from '../../services/contracts';
import { formatFen } from '../../services/format';

export interface CartLineView {
  id: string;
  skuId: string;
  goodsId: string;
  title: string;
  coverUrl: string;
  specText: string;
  priceText: string;
  quantity: number;
  selected: boolean;
  /** Only lines in state `ok` can be selected and checked out. */
  selectable: boolean;
  /** Why the line cannot be bought as it is; empty when it can. */
  stateText: string;
  /** The quantity can still be changed (in stock, possibly less than wanted). */
  adjustable: boolean;
  maxQuantity: number;
}

export interface CartShopView {
  shopId: string;
  shopName: string;
  lines: CartLineView[];
  /** Every selectable line of the shop is selected (and there is one). */
  allSelected: boolean;
  selectable: boolean;
}

export interface CartScreen {
  shops: CartShopView[];
  allSelected: boolean;
  anySelectable: boolean;
  /** Lines that can never be bought again (off the shelf, sold out, removed). */
  invalidLineIds: string[];
  selectedCount: number;
  totalText: string;
}

function stateText(state: CartLineState, stock: number): string {
  switch (state) {
    case 'off_shelf':
      return '已下架';
    case 'sold_out':
      return '已售罄';
    case 'sku_removed':
      return '商品规格已失效';
    case 'insufficient_stock':
      return `库存不足，仅剩${stock}件`;
    default:
      return '';
  }
}

function toLineView(line: CartLine): CartLineView {
  const adjustable = line.state === 'ok' || line.state === 'insufficient_stock';
  return {
    id: line.id,
    skuId: line.skuId,
    goodsId: line.goodsId,
    title: line.title,
    coverUrl: line.coverUrl,
    specText: line.specText,
    priceText: formatFen(line.priceFen),
    quantity: line.quantity,
    selected: line.selected && line.state === 'ok',
    selectable: line.state === 'ok',
    stateText: stateText(line.state, line.stock),
    adjustable,
    maxQuantity: adjustable ? Math.max(line.stock, 1) : line.quantity,
  };
}

/** The cart as the page shows it; every amount is the server's. */
export function toCartScreen(cart: CartView): CartScreen {
  const shops = cart.shops.map((shop): CartShopView => {
    const lines = shop.lines.map(toLineView);
    const selectableLines = lines.filter((line) => line.selectable);
    return {
      shopId: shop.shopId,
      shopName: shop.shopName,
      lines,
      selectable: selectableLines.length > 0,
      allSelected: selectableLines.length > 0 && selectableLines.every((line) => line.selected),
    };
  });
  const selectable = shops.flatMap((shop) => shop.lines.filter((line) => line.selectable));
  return {
    shops,
    allSelected: selectable.length > 0 && selectable.every((line) => line.selected),
    anySelectable: selectable.length > 0,
    invalidLineIds: shops.flatMap((shop) => shop.lines.filter((line) => !line.adjustable).map((line) => line.id)),
    selectedCount: cart.selectedCount,
    totalText: formatFen(cart.selectedGoodsFen),
  };
}

/** Ids of the selectable lines of one shop, or of the whole cart. */
export function selectableLineIds(shops: CartShopView[], shopId?: string): string[] {
  return shops
    .filter((shop) => shopId === undefined || shop.shopId === shopId)
    .flatMap((shop) => shop.lines.filter((line) => line.selectable).map((line) => line.id));
}

/** What the checkout gets: the selected lines' SKUs and quantities. */
export function checkoutItems(shops: CartShopView[]): Array<{ skuId: string; quantity: number }> {
  return shops.flatMap((shop) => shop.lines.filter((line) => line.selectable && line.selected).map((line) => ({ skuId: line.skuId, quantity: line.quantity })));
}
