/**
 * Reads what a checkout is priced from: every SKU, its goods and its shop, straight from the
 * database (the client only names SKUs and quantities). Fails before anything changes when a SKU
 * is unknown, off the shelf, in a suspended shop or short of stock.
 */
import type { CheckoutItem } from '../../../../miniprogram/contracts';
import type { CheckoutBasket, CheckoutLineInput, ShopShippingRule } from '../../../../domain';
import { fail } from '../../../../server/failure';
import type { GoodsDoc, ShopDoc, SkuDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';

/** One line of the checkout with the documents it was priced from. */
export interface BasketLine {
  sku: SkuDoc;
  goods: GoodsDoc;
  quantity: number;
}

export interface LoadedBasket {
  basket: CheckoutBasket;
  lines: BasketLine[];
  shops: Map<string, ShopDoc>;
}

export async function loadBasket(items: CheckoutItem[]): Promise<LoadedBasket> {
  const skuIds = items.map((i) => i.skuId);
  if (new Set(skuIds).size !== skuIds.length) fail('INVALID_ARGUMENT', '同一规格请合并为一行');
  const skus = await repo.getMany('skus', skuIds);
  const goods = await repo.getMany('goods', [...skus.values()].map((s) => s.goodsId));
  const shops = await repo.getMany('shops', [...skus.values()].map((s) => s.shopId));

  const lines = items.map((item): BasketLine => {
    const sku = skus.get(item.skuId) ?? fail('SKU_NOT_FOUND', '商品规格不存在', { skuId: item.skuId });
    const g = goods.get(sku.goodsId);
    const shop = shops.get(sku.shopId);
    if (!g || g.status !== 'on_shelf' || !shop || shop.status !== 'active') fail('GOODS_OFF_SHELF', `${g?.title ?? '商品'}已下架`, { skuId: item.skuId });
    if (sku.stock < item.quantity) fail('OUT_OF_STOCK', `${g!.title}库存不足`, { skuId: item.skuId, stock: sku.stock });
    return { sku, goods: g!, quantity: item.quantity };
  });

  const domainLines = lines.map(
    ({ sku, goods: g, quantity }): CheckoutLineInput => ({ key: sku._id, skuId: sku._id, goodsId: g._id, shopId: sku.shopId, categoryIds: g.categoryIds, unitPriceFen: sku.priceFen, quantity, title: g.title }),
  );
  const rules: Record<string, ShopShippingRule> = {};
  for (const shopId of new Set(domainLines.map((l) => l.shopId))) {
    const s = shops.get(shopId)!.shipping;
    rules[shopId] = { shippingFeeFen: s.feeFen, freeShippingThresholdFen: s.freeThresholdFen };
  }
  return { basket: { lines: domainLines, shops: rules }, lines, shops };
}
