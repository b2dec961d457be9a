/** Favourites and history show goods as they are now: title, picture, price and whether they can be bought. */
import type { KeptGoods, KeptGoodsState } from '../../../miniprogram/contracts';
import type { GoodsDoc, ShopDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

function stateOf(goods: GoodsDoc | undefined, shop: ShopDoc | undefined): KeptGoodsState {
  if (!goods) return 'removed';
  if (!shop || shop.status !== 'active') return 'shop_closed';
  if (goods.status !== 'on_shelf') return 'off_shelf';
  return goods.stock > 0 ? 'on_sale' : 'sold_out';
}

/** Views of `rows` (goods id and time) in their order, reading goods and shops in two batches. */
export async function keptGoodsViews(rows: Array<{ goodsId: string; at: Date }>): Promise<KeptGoods[]> {
  const goods = await repo.getMany('goods', rows.map((r) => r.goodsId));
  const shops = await repo.getMany('shops', [...goods.values()].map((g) => g.shopId));
  return rows.map(({ goodsId, at }) => {
    const g = goods.get(goodsId);
    const shop = g ? shops.get(g.shopId) : undefined;
    return {
      goodsId,
      title: g?.title ?? '商品已删除',
      coverUrl: g?.coverUrl ?? '',
      priceFen: g?.priceFen ?? 0,
      shopName: shop?.name ?? '',
      state: stateOf(g, shop),
      at: new Date(at).getTime(),
    };
  });
}
