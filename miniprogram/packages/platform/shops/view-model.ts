import type { AdminShopView, ShopStatus } from '../../../services/contracts';
import { formatDate } from '../../../shared/time-text';

export type ShopFilter = 'all' | ShopStatus;

export const SHOP_TABS: Array<{ value: ShopFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'active', label: '营业中' },
  { value: 'suspended', label: '已暂停' },
];

export function isShopFilter(value: unknown): value is ShopFilter {
  return value === 'all' || value === 'active' || value === 'suspended';
}

export interface ShopRow {
  id: string;
  name: string;
  logoUrl: string;
  suspended: boolean;
  statusText: string;
  meta: string;
  owner: string;
}

export function shopRow(s: AdminShopView): ShopRow {
  const suspended = s.status === 'suspended';
  return {
    id: s.id,
    name: s.name,
    logoUrl: s.logoUrl,
    suspended,
    statusText: suspended ? '已暂停' : '营业中',
    meta: `${s.goodsCount} 件商品 · ${formatDate(s.createdAt)} 入驻`,
    owner: `店主：${s.ownerOpenid}`,
  };
}

export function emptyText(filter: ShopFilter, keyword: string): string {
  if (keyword) return `没有名称包含「${keyword}」的店铺`;
  return filter === 'suspended' ? '没有已暂停的店铺' : '还没有店铺';
}
