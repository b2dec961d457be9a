import type { GoodsDetail, SkuView, SpecDimension } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { initialSelection, selectedSku, type SpecSelection } from '../../../shared/sku-matrix';

export interface GoodsDetailView {
  id: string;
  title: string;
  subtitle: string;
  images: string[];
  detailImages: string[];
  shopId: string;
  shopName: string;
  coverUrl: string;
  priceText: string;
  originalPriceText: string;
  salesText: string;
  onShelf: boolean;
  /** Some SKU has stock. */
  inStock: boolean;
}

/** What the SKU picker needs of a SKU. */
export interface SkuOption {
  id: string;
  specValues: Record<string, string>;
  specText: string;
  priceText: string;
  stock: number;
}

export function toDetailView(goods: GoodsDetail): GoodsDetailView {
  const original = goods.originalPriceFen;
  return {
    id: goods.id,
    title: goods.title,
    subtitle: goods.subtitle,
    images: goods.images,
    detailImages: goods.detailImages,
    shopId: goods.shop.id,
    shopName: goods.shop.name,
    coverUrl: goods.images[0] ?? '',
    priceText: formatFen(goods.priceFen),
    originalPriceText: original !== undefined && original > goods.priceFen ? formatFen(original) : '',
    salesText: `已售 ${goods.sales}`,
    onShelf: goods.onShelf,
    inStock: goods.skus.some((sku) => sku.stock > 0),
  };
}

export function toSkuOption(sku: SkuView): SkuOption {
  return { id: sku.id, specValues: sku.specValues, specText: sku.specText, priceText: formatFen(sku.priceFen), stock: sku.stock };
}

/** "礼盒装 / 500g，2件" for a picked SKU, else what is left to pick: "请选择 包装 规格". */
export function selectionSummary(specs: SpecDimension[], selection: SpecSelection, sku: SkuOption | null, quantity: number): string {
  if (sku) return `${sku.specText ? `${sku.specText}，` : ''}${quantity}件`;
  const missing = specs.filter((spec) => selection[spec.name] === undefined).map((spec) => spec.name);
  return `请选择 ${missing.join(' ')}`;
}

/** The summary before the shopper picks anything (the picker pre-picks the only SKU in stock). */
export function initialSummary(specs: SpecDimension[], skus: SkuOption[]): string {
  const selection = initialSelection(skus);
  return selectionSummary(specs, selection, selectedSku(specs, skus, selection), 1);
}
