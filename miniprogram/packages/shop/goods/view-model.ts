import type { GoodsShelfStatus, ShopGoodsItem } from '../../../services/contracts';
import { formatFen } from '../../../services/format';

export const SHELF_TABS: Array<{ value: GoodsShelfStatus; label: string }> = [
  { value: 'on_shelf', label: '出售中' },
  { value: 'off_shelf', label: '已下架' },
];

export const isShelfStatus = (v: unknown): v is GoodsShelfStatus => v === 'on_shelf' || v === 'off_shelf';

export interface ShopGoodsView {
  id: string;
  title: string;
  coverUrl: string;
  priceText: string;
  stockText: string;
  salesText: string;
  lowStock: boolean;
  onShelf: boolean;
  /** Moved to the other tab by a toggle on this screen. */
  moved: boolean;
}

export function toShopGoodsView(g: ShopGoodsItem): ShopGoodsView {
  return { id: g.id, title: g.title, coverUrl: g.coverUrl, priceText: formatFen(g.priceFen), stockText: `库存 ${g.stock}`, salesText: `销量 ${g.sales}`, lowStock: g.lowStock, onShelf: g.status === 'on_shelf', moved: false };
}
