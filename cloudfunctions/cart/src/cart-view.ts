import type { CartLine, CartLineState, CartShopGroup, CartView } from '../../../miniprogram/contracts';
import { multiplyFen, sumFen } from '../../../domain/money';
import type { CartDoc, GoodsDoc, ShopDoc, SkuDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { ownLines } from './cart-lines';

/** What a line can be bought as right now, from live SKU, goods and shop data. */
export function lineState(line: CartDoc, sku: SkuDoc | undefined, goods: GoodsDoc | undefined, shop: ShopDoc | undefined): CartLineState {
  if (!sku || !goods) return 'sku_removed';
  if (goods.status !== 'on_shelf' || shop?.status !== 'active') return 'off_shelf';
  if (sku.stock <= 0) return 'sold_out';
  if (line.quantity > sku.stock) return 'insufficient_stock';
  return 'ok';
}

function lineView(line: CartDoc, sku: SkuDoc | undefined, goods: GoodsDoc | undefined, shop: ShopDoc | undefined): CartLine {
  return {
    id: line._id,
    skuId: line.skuId,
    goodsId: line.goodsId,
    shopId: line.shopId,
    title: goods?.title ?? '',
    coverUrl: goods?.coverUrl ?? '',
    specText: sku?.specText ?? '',
    priceFen: sku?.priceFen ?? 0,
    quantity: line.quantity,
    selected: line.selected,
    stock: sku?.stock ?? 0,
    state: lineState(line, sku, goods, shop),
  };
}

/** Groups lines by shop, shops in the order of their newest line. */
function groupByShop(lines: CartLine[], shops: Map<string, ShopDoc>): CartShopGroup[] {
  const groups = new Map<string, CartShopGroup>();
  for (const l of lines) {
    let g = groups.get(l.shopId);
    if (!g) groups.set(l.shopId, (g = { shopId: l.shopId, shopName: shops.get(l.shopId)?.name ?? '', lines: [] }));
    g.lines.push(l);
  }
  return [...groups.values()];
}

/** Totals over the lines that checkout would take: selected and buyable (`ok`). */
export function totals(lines: CartLine[]): Pick<CartView, 'selectedCount' | 'selectedGoodsFen' | 'totalQuantity'> {
  const chosen = lines.filter((l) => l.selected && l.state === 'ok');
  return {
    selectedCount: sumFen(chosen.map((l) => l.quantity)),
    selectedGoodsFen: sumFen(chosen.map((l) => multiplyFen(l.priceFen, l.quantity))),
    totalQuantity: sumFen(lines.map((l) => l.quantity)),
  };
}

/**
 * The caller's cart priced now: every line carries the SKU's current price and stock and its
 * state; SKUs, goods and shops are read in parallel, one batched read each.
 */
export async function cartView(openid: string): Promise<CartView> {
  const docs = await ownLines(openid);
  const [skus, goods, shops] = await Promise.all([
    repo.getMany('skus', docs.map((l) => l.skuId)),
    repo.getMany('goods', docs.map((l) => l.goodsId)),
    repo.getMany('shops', docs.map((l) => l.shopId)),
  ]);
  const lines = docs.map((l) => lineView(l, skus.get(l.skuId), goods.get(l.goodsId), shops.get(l.shopId)));
  return { shops: groupByShop(lines, shops), ...totals(lines) };
}
