/** The goods card shown in lists (home, search): see templates/goods-card.wxml. */
import type { GoodsCard } from '../contracts';
import { formatFen } from '../services/format';

export interface GoodsCardView {
  id: string;
  title: string;
  coverUrl: string;
  shopName: string;
  priceText: string;
  /** Empty unless the original price is higher than the price. */
  originalPriceText: string;
  salesText: string;
  inStock: boolean;
}

function salesText(sales: number): string {
  if (sales <= 0) return '';
  if (sales >= 10000) return `已售${Math.floor(sales / 1000) / 10}万+`;
  return `已售${sales}`;
}

export function toGoodsCardView(goods: GoodsCard): GoodsCardView {
  const original = goods.originalPriceFen;
  return {
    id: goods.id,
    title: goods.title,
    coverUrl: goods.coverUrl,
    shopName: goods.shopName,
    priceText: formatFen(goods.priceFen),
    originalPriceText: original !== undefined && original > goods.priceFen ? formatFen(original) : '',
    salesText: salesText(goods.sales),
    inStock: goods.inStock,
  };
}
