import type { CouponTemplateView } from '../../../services/contracts';
import { claimCoupon, fetchCouponCenter } from '../../../services/coupon';
import type { DatasetEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES } from '../../../shared/routes';
import { afterClaim, afterRefusal, toCenterCouponView, type CenterCouponView } from './view-model';

const fetchPage: FetchPage<CouponTemplateView> = (cursor) => fetchCouponCenter(cursor, PAGE_SIZE);

Component({
  data: {
    ...initialListState<CenterCouponView>(),
    claimingId: '',
  },

  methods: {
    onLoad() {
      void loadFirstPage(this, fetchPage, toCenterCouponView);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, fetchPage, toCenterCouponView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, fetchPage, toCenterCouponView);
    },

    onRetry() {
      void loadFirstPage(this, fetchPage, toCenterCouponView);
    },

    onEmptyAction() {
      void wx.redirectTo({ url: ROUTES.myCoupons() });
    },

    async onClaim(event: DatasetEvent<{ index?: number }>): Promise<void> {
      const { index } = event.currentTarget.dataset;
      const coupon = index === undefined ? undefined : this.data.items[index];
      if (!coupon || coupon.state !== 'claimable' || this.data.claimingId) return;
      this.setData({ claimingId: coupon.id });
      const result = await claimCoupon(coupon.id);
      this.setData({ claimingId: '' });
      // The list may have been reloaded meanwhile: update the coupon only if it is still there.
      const current = this.data.items[index ?? -1];
      if (result.ok) void wx.showToast({ title: '领取成功', icon: 'success' });
      else void wx.showToast({ title: result.error.message, icon: 'none' });
      if (!current || current.id !== coupon.id) return;
      const next = result.ok ? afterClaim(current) : afterRefusal(current, result.error.code, result.error.message);
      this.setData({ [`items[${index}]`]: next });
    },

    onMyCoupons() {
      void wx.navigateTo({ url: ROUTES.myCoupons() });
    },
  },
});
