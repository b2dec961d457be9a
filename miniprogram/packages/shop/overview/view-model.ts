import type { MyShop, ShopOverview } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { SHOP_ROUTES } from '../../../shared/shop-routes';

export interface StatCard {
  key: string;
  label: string;
  value: string;
  /** Where a tap leads ('' for nowhere). */
  url: string;
  warn: boolean;
}

export interface EntryView {
  key: string;
  label: string;
  icon: string;
  url: string;
}

export interface ShopChip {
  id: string;
  name: string;
  active: boolean;
}

export function statCards(o: ShopOverview): StatCard[] {
  const id = o.shop.id;
  return [
    { key: 'todayOrders', label: '今日订单', value: String(o.todayOrders), url: SHOP_ROUTES.orders(id), warn: false },
    { key: 'todayPaid', label: '今日成交', value: formatFen(o.todayPaidFen), url: '', warn: false },
    { key: 'toShip', label: '待发货', value: String(o.toShip), url: SHOP_ROUTES.orders(id), warn: o.toShip > 0 },
    { key: 'afterSales', label: '待处理售后', value: String(o.afterSalesWaiting), url: SHOP_ROUTES.aftersales(id), warn: o.afterSalesWaiting > 0 },
    { key: 'lowStock', label: '库存预警', value: String(o.lowStockSkus), url: SHOP_ROUTES.goods(id), warn: o.lowStockSkus > 0 },
  ];
}

export function entries(shopId: string): EntryView[] {
  return [
    { key: 'goods', label: '商品管理', icon: 'shop', url: SHOP_ROUTES.goods(shopId) },
    { key: 'orders', label: '订单管理', icon: 'form', url: SHOP_ROUTES.orders(shopId) },
    { key: 'aftersales', label: '售后处理', icon: 'service', url: SHOP_ROUTES.aftersales(shopId) },
    { key: 'finance', label: '财务结算', icon: 'wallet', url: SHOP_ROUTES.finance(shopId) },
    { key: 'reviews', label: '评价管理', icon: 'chat', url: SHOP_ROUTES.reviews(shopId) },
    { key: 'settings', label: '店铺设置', icon: 'setting', url: SHOP_ROUTES.settings(shopId) },
    { key: 'staff', label: '店员管理', icon: 'user-add', url: SHOP_ROUTES.staff(shopId) },
  ];
}

export function shopChips(shops: MyShop[], activeId: string): ShopChip[] {
  return shops.map((s) => ({ id: s.id, name: s.name, active: s.id === activeId }));
}

export const roleText = (role: string): string => (role === 'owner' ? '店主' : '店员');
