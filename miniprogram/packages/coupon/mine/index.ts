import type { UserCouponView } from '../../../services/contracts';
import { fetchMyCoupons, type MyCouponFilter } from '../../../services/coupon';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES, TAB_URLS } from '../../../shared/routes';
import { COUPON_TABS, isMyCouponFilter, toMyCouponView, type MyCouponView } from './view-model';

const EMPTY_TEXT: Record<MyCouponFilter, string> = { unused: '没有可用的优惠券', used: '还没有用过优惠券', expired: '没有过期的优惠券' };

Component({
  data: {
    ...initialListState<MyCouponView>(),
    tabs: COUPON_TABS,
    activeTab: 'unused' as MyCouponFilter,
    emptyText: EMPTY_TEXT.unused,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (isMyCouponFilter(query.status)) this.setData({ activeTab: query.status, emptyText: EMPTY_TEXT[query.status] });
      void this.reload();
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toMyCouponView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toMyCouponView);
    },

    onRetry() {
      void this.reload();
    },

    onEmptyAction() {
      void wx.navigateTo({ url: ROUTES.couponCenter() });
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isMyCouponFilter(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value, emptyText: EMPTY_TEXT[value] });
      void this.reload();
    },

    onUse(event: DatasetEvent<{ shopId?: string }>) {
      const { shopId } = event.currentTarget.dataset;
      if (shopId) void wx.navigateTo({ url: ROUTES.search({ shopId }) });
      else void wx.switchTab({ url: TAB_URLS.home });
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toMyCouponView);
    },

    pageFetcher(): FetchPage<UserCouponView> {
      const status = this.data.activeTab;
      return (cursor) => fetchMyCoupons(status, cursor, PAGE_SIZE);
    },
  },
});
