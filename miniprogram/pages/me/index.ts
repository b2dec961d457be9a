import { fetchCouponCounts } from '../../services/coupon';
import { fetchOrderCounts } from '../../services/order';
import { signIn } from '../../services/user';
import type { OrderListFilter } from '../../services/contracts';
import { currentDevIdentityText } from '../../shared/dev-identity';
import type { DatasetEvent } from '../../shared/events';
import { isOrderListFilter } from '../../shared/order-text';
import type { PageStatus } from '../../shared/page-status';
import { ROUTES } from '../../shared/routes';

export const DEV_MENU_URL = ROUTES.devMenu();

interface OrderEntry {
  status: OrderListFilter;
  label: string;
  icon: string;
  /** Shown as a badge; 0 shows none. */
  count: number;
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
