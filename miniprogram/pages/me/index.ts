import { fetchCouponCounts } from '../../services/coupon';
import { fetchOrderCounts } from '../../services/order';
import { fetchMyShops } from '../../services/shop';
import { signIn } from '../../services/user';
import type { OrderListFilter } from '../../services/contracts';
import { currentDevIdentityText } from '../../shared/dev-identity';
import type { DatasetEvent } from '../../shared/events';
import { isOrderListFilter } from '../../shared/order-text';
import type { PageStatus } from '../../shared/page-status';
import { AFTER_SALE_ROUTES } from '../../shared/aftersale-text';
import { PLATFORM_ROUTES } from '../../shared/platform-routes';
import { ROUTES } from '../../shared/routes';
import { SHOP_ROUTES } from '../../shared/shop-routes';

export const DEV_MENU_URL = ROUTES.devMenu();

interface OrderEntry {
  status: OrderListFilter;
  label: string;
  icon: string;
  /** Shown as a badge; 0 shows none. */
  count: number;
}

/** An entry that depends on the caller's roles. */
interface RoleEntry {
  key: 'shop' | 'platform' | 'apply';
  title: string;
  icon: string;
  url: string;
  note: string;
}

/**
 * Shop owners and staff get their (first) shop, platform admins the platform area, everyone else
 * the way to open a shop. Without an answer (the roles call failed) the shopper entry shows: the
 * apply page itself tells an existing merchant where their shop is.
 */
export function roleEntries(roles: { platformAdmin: boolean; shops: Array<{ id: string; name: string }> } | null): RoleEntry[] {
  const entries: RoleEntry[] = [];
  const first = roles?.shops[0];
  if (first) entries.push({ key: 'shop', title: '我的店铺', icon: 'shop', url: SHOP_ROUTES.overview(first.id), note: first.name });
  if (roles?.platformAdmin) entries.push({ key: 'platform', title: '平台管理', icon: 'control-platform', url: PLATFORM_ROUTES.home(), note: '' });
  if (!entries.length) entries.push({ key: 'apply', title: '申请开店', icon: 'shop', url: PLATFORM_ROUTES.shopApply(), note: '免费入驻' });
  return entries;
}

const ORDER_ENTRIES: OrderEntry[] = [
  { status: 'pending_payment', label: '待付款', icon: 'wallet', count: 0 },
  { status: 'paid', label: '待发货', icon: 'shop', count: 0 },
  { status: 'shipped', label: '待收货', icon: 'location', count: 0 },
  { status: 'completed', label: '已完成', icon: 'check-circle', count: 0 },
];

Component({
  data: {
    /** Of the profile; the entries below work whatever it is. */
    status: 'loading' as PageStatus,
    errorMessage: '',
    nickname: '',
    avatarUrl: '',
    orderEntries: ORDER_ENTRIES,
    couponText: '',
    /** Empty until the roles answer (so a merchant never sees 申请开店 flash by); kept while reloading. */
    roleEntries: [] as RoleEntry[],
    /** Shown only in local mode, where the dev menu can switch it. */
    devIdentityText: '',
  },

  methods: {
    /** A tab page stays alive: counts change while the shopper is elsewhere. */
    onShow() {
      this.setData({ devIdentityText: currentDevIdentityText() });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      // roles on their own: a slow or failed answer never holds up or breaks the rest of the page
      void this.loadRoles();
      const [profile, orderCounts, couponCounts] = await Promise.all([signIn(), fetchOrderCounts(), fetchCouponCounts()]);
      if (!profile.ok) {
        this.setData({ status: 'error', errorMessage: profile.error.message });
      } else {
        this.setData({ status: 'ready', errorMessage: '', nickname: profile.data.nickname || '微信用户', avatarUrl: profile.data.avatarUrl });
      }
      // Counts are extras: without them the entries still work, with no badge.
      const counts: Partial<Record<OrderListFilter, number>> = orderCounts.ok ? orderCounts.data : {};
      this.setData({
        orderEntries: ORDER_ENTRIES.map((entry) => ({ ...entry, count: counts[entry.status] ?? 0 })),
        couponText: couponCounts.ok && couponCounts.data.unused ? `${couponCounts.data.unused}张可用` : '',
      });
    },

    async loadRoles(): Promise<void> {
      const roles = await fetchMyShops();
      this.setData({ roleEntries: roleEntries(roles.ok ? roles.data : null) });
    },

    onRoleEntryTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.navigateTo({ url });
    },

    onFavorites() {
      void wx.navigateTo({ url: ROUTES.favorites() });
    },

    onHistory() {
      void wx.navigateTo({ url: ROUTES.browsingHistory() });
    },

    onOrderEntryTap(event: DatasetEvent<{ status?: string }>) {
      const { status } = event.currentTarget.dataset;
      void wx.navigateTo({ url: ROUTES.orderList(isOrderListFilter(status) ? status : 'all') });
    },

    onAllOrders() {
      void wx.navigateTo({ url: ROUTES.orderList() });
    },

    onMyCoupons() {
      void wx.navigateTo({ url: ROUTES.myCoupons() });
    },

    onMyAfterSales() {
      void wx.navigateTo({ url: AFTER_SALE_ROUTES.list() });
    },

    onCouponCenter() {
      void wx.navigateTo({ url: ROUTES.couponCenter() });
    },

    onAddresses() {
      void wx.navigateTo({ url: ROUTES.addresses() });
    },

    onOpenDevMenu() {
      void wx.navigateTo({ url: DEV_MENU_URL });
    },
  },
});
