import { fetchPlatformDashboard } from '../../../services/platform';
import type { DatasetEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { PLATFORM_ROUTES } from '../../../shared/platform-routes';
import type { PlatformDashboard } from '../../../services/contracts';

interface Entry {
  key: string;
  title: string;
  icon: string;
  url: string;
  /** A figure beside the title ('' for none). */
  note: string;
}

function entries(d: PlatformDashboard): Entry[] {
  return [
    { key: 'applications', title: '开店审核', icon: 'user-checked', url: PLATFORM_ROUTES.applications(), note: d.pendingApplications ? `${d.pendingApplications} 个待审核` : '' },
    { key: 'shops', title: '店铺管理', icon: 'shop', url: PLATFORM_ROUTES.shops(), note: d.suspendedShops ? `${d.suspendedShops} 家已暂停` : '' },
    { key: 'categories', title: '商品分类', icon: 'view-list', url: PLATFORM_ROUTES.categories(), note: `${d.categories} 个` },
    { key: 'banners', title: '首页轮播图', icon: 'image', url: PLATFORM_ROUTES.banners(), note: `${d.activeBanners} 个展示中` },
    { key: 'finance', title: '财务与提现', icon: 'wallet', url: PLATFORM_ROUTES.finance(), note: '' },
    { key: 'commission', title: '佣金费率', icon: 'percent', url: PLATFORM_ROUTES.commission(), note: '' },
  ];
}

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    figures: [] as Array<{ key: string; label: string; value: number; url: string }>,
    entries: [] as Entry[],
  },

  methods: {
    onLoad() {
      void this.load();
    },

    /** Coming back from a review or a suspension: the figures may have changed. */
    onShow() {
      if (this.data.status === 'ready') void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading', errorMessage: '' });
      const result = await fetchPlatformDashboard();
      if (!result.ok) {
        if (this.data.status === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const d = result.data;
      this.setData({
        status: 'ready',
        figures: [
          { key: 'pending', label: '待审核申请', value: d.pendingApplications, url: PLATFORM_ROUTES.applications() },
          { key: 'active', label: '营业中店铺', value: d.activeShops, url: PLATFORM_ROUTES.shops() },
          { key: 'suspended', label: '已暂停店铺', value: d.suspendedShops, url: PLATFORM_ROUTES.shops() },
        ],
        entries: entries(d),
      });
    },

    onEntryTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.navigateTo({ url });
    },
  },
});
