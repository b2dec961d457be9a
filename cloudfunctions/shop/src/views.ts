import { DEFAULT_LOW_STOCK_THRESHOLD, type ShopGoodsDetail, type ShopGoodsItem, type ShopRole, type ShopSettings, type ShopSku } from '../../../miniprogram/contracts';
import type { CategoryDoc, GoodsDoc, ShopDoc, SkuDoc } from '../../../server/model';

export const thresholdOf = (s: Pick<SkuDoc, 'lowStockThreshold'>): number => s.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
export const isLowStock = (s: Pick<SkuDoc, 'stock' | 'lowStockThreshold'>): boolean => s.stock <= thresholdOf(s);

export function goodsItem(g: GoodsDoc, lowStock: boolean): ShopGoodsItem {
  return { id: g._id, title: g.title, coverUrl: g.coverUrl, priceFen: g.priceFen, stock: g.stock, sales: g.sales, status: g.status, lowStock };
}

export function skuOf(s: SkuDoc): ShopSku {
  return { id: s._id, specValues: s.specValues, specText: s.specText, priceFen: s.priceFen, stock: s.stock, sales: s.sales, code: s.code ?? '', lowStockThreshold: thresholdOf(s) };
}

/** Orders SKUs as the goods lists its spec values (first dimension slowest), then by id. */
export function bySpecOrder(specs: GoodsDoc['specs']): (a: SkuDoc, b: SkuDoc) => number {
  const rank = (s: SkuDoc) =>
    specs.map((d) => {
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

export function goodsDetail(g: GoodsDoc, skus: SkuDoc[], categories: Map<string, CategoryDoc>): ShopGoodsDetail {
  const path = g.categoryIds;
  return {
    id: g._id,
    shopId: g.shopId,
    title: g.title,
    subtitle: g.subtitle ?? '',
    images: g.images,
    categoryId: path[path.length - 1] ?? '',
    categoryPath: path,
    categoryNames: path.map((id) => categories.get(id)?.name ?? ''),
    specs: g.specs,
    skus: [...skus].sort(bySpecOrder(g.specs)).map(skuOf),
    status: g.status,
    priceFen: g.priceFen,
    stock: g.stock,
    sales: g.sales,
    updatedAt: g.updatedAt.getTime(),
  };
}

export function settingsOf(s: ShopDoc, role: ShopRole): ShopSettings {
  return {
    id: s._id,
    name: s.name,
    logoUrl: s.logoUrl,
    announcement: s.announcement ?? '',
    bannerUrl: s.bannerUrl ?? '',
    shipping: { feeFen: s.shipping.feeFen, freeThresholdFen: s.shipping.freeThresholdFen },
    status: s.status,
    role,
  };
}
