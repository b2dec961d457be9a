import type { GoodsCard } from '../../../miniprogram/contracts';
import { _, db } from '../../../server/cloud';
import type { GoodsDoc, ShopDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** Goods that still have at least one SKU in stock, from the SKUs' live stock (one aggregate). */
async function goodsInStock(goodsIds: string[]): Promise<Set<string>> {
  const res = await db
    .collection('skus')
    .aggregate()
    .match({ goodsId: _.in(goodsIds), stock: _.gt(0) })
    .group({ _id: '$goodsId' })
    .limit(goodsIds.length)
    .end();
  return new Set((res.list as Array<{ _id: string }>).map((r) => r._id));
}

function card(g: GoodsDoc, shop: ShopDoc | undefined, inStock: boolean): GoodsCard {
  const c: GoodsCard = { id: g._id, title: g.title, coverUrl: g.coverUrl, shopId: g.shopId, shopName: shop?.name ?? '', priceFen: g.priceFen, sales: g.sales, inStock };
  if (g.originalPriceFen !== undefined && g.originalPriceFen > g.priceFen) c.originalPriceFen = g.originalPriceFen;
  return c;
}

export interface CardSet {
  cards: GoodsCard[];
  /** Shops the goods belong to, so a caller can drop goods of suspended shops. */
  shops: Map<string, ShopDoc>;
}

/**
 * Turns goods into list cards: shop names come from one batched read of the shops and `inStock`
 * from one aggregate over the SKUs, both run in parallel (whatever the number of goods).
 */
export async function toGoodsCards(goods: GoodsDoc[]): Promise<CardSet> {
  if (goods.length === 0) return { cards: [], shops: new Map() };
  const ids = goods.map((g) => g._id);
  const [shops, inStock] = await Promise.all([repo.getMany('shops', goods.map((g) => g.shopId)), goodsInStock(ids)]);
  return { cards: goods.map((g) => card(g, shops.get(g.shopId), inStock.has(g._id))), shops };
}
