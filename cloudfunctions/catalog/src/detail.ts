import type { GoodsDetail, SkuView } from '../../../miniprogram/contracts';
import { notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import type { GoodsDoc, SkuDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** 3 spec dimensions of up to 20 values allow more, but no real goods has this many SKUs. */
const MAX_SKUS = 1000;

function skuView(s: SkuDoc): SkuView {
  const v: SkuView = { id: s._id, specValues: s.specValues, specText: s.specText, priceFen: s.priceFen, stock: s.stock };
  if (s.originalPriceFen !== undefined && s.originalPriceFen > s.priceFen) v.originalPriceFen = s.originalPriceFen;
  return v;
}

/** Orders SKUs as the goods lists its spec values (first dimension first), then by id. */
export function bySpecOrder(specs: GoodsDoc['specs']): (a: SkuDoc, b: SkuDoc) => number {
  const rank = (s: SkuDoc) => specs.map((d) => {
    const i = d.values.indexOf(s.specValues[d.name] ?? '');
    return i < 0 ? d.values.length : i;
  });
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  };
}

/**
 * A goods page: the goods, every SKU with its live price and stock, and the shop. Goods taken off
 * the shelf (or of a suspended shop) stay viewable, e.g. from an old order, with `onShelf: false`.
 */
export const detail: ActionDef<{ goodsId: string }, GoodsDetail> = {
  input: obj({ goodsId: id }, ['goodsId']),
  async run({ goodsId }) {
    const goods = (await repo.get('goods', goodsId)) ?? notFound('商品');
    const [skus, shop] = await Promise.all([
      repo.find('skus', { goodsId }, { limit: MAX_SKUS }),
      repo.get('shops', goods.shopId),
    ]);
    const priceFen = skus.length > 0 ? Math.min(...skus.map((s) => s.priceFen)) : goods.priceFen;
    const d: GoodsDetail = {
      id: goods._id,
      title: goods.title,
      subtitle: goods.subtitle ?? '',
      images: goods.images,
      detailImages: goods.detailImages ?? [],
      shop: { id: goods.shopId, name: shop?.name ?? '', logoUrl: shop?.logoUrl ?? '' },
      categoryIds: goods.categoryIds,
      specs: goods.specs,
      skus: skus.sort(bySpecOrder(goods.specs)).map(skuView),
      priceFen,
      sales: goods.sales,
      onShelf: goods.status === 'on_shelf' && shop?.status === 'active',
    };
    if (goods.originalPriceFen !== undefined && goods.originalPriceFen > priceFen) d.originalPriceFen = goods.originalPriceFen;
    return d;
  },
};
