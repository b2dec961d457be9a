/** All reviews of a goods item: the rating summary, 全部 / 有图 filter, shop replies, paged. */
import type { ReviewView } from '../../../services/contracts';
import { fetchGoodsReviews, fetchRatingSummary } from '../../../services/review';
import type { DatasetEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { toRatingSummaryView, toReviewItemView, type RatingSummaryView, type ReviewItemView } from '../../../shared/review-view';

Component({
  data: { ...initialListState<ReviewItemView>(), goodsId: '', withPhotos: false, summary: null as RatingSummaryView | null },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const goodsId = query.goodsId ?? '';
      this.setData({ goodsId });
      if (!goodsId) {
        this.setData({ status: 'error', errorMessage: '商品不存在' });
        return;
      }
      void this.loadAll();
    },

    fetchPage(): FetchPage<ReviewView> {
      const { goodsId, withPhotos } = this.data;
      return (cursor) => fetchGoodsReviews(goodsId, withPhotos, cursor, PAGE_SIZE);
    },

    async loadAll(mode: 'reload' | 'refresh' = 'reload') {
      const [summary] = await Promise.all([fetchRatingSummary(this.data.goodsId), loadFirstPage(this, this.fetchPage(), toReviewItemView, mode)]);
      if (summary.ok) this.setData({ summary: toRatingSummaryView(summary.data) });
    },

    onPullDownRefresh() {
      void this.loadAll('refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.fetchPage(), toReviewItemView);
    },

    onRetry() {
      void this.loadAll();
    },

    onFilterTap(event: DatasetEvent<{ photos?: boolean }>) {
      const withPhotos = event.currentTarget.dataset.photos === true;
      if (withPhotos === this.data.withPhotos) return;
      this.setData({ withPhotos });
      void loadFirstPage(this, this.fetchPage(), toReviewItemView);
    },

    onPhotoTap(event: DatasetEvent<{ id?: string; url?: string }>) {
      const { id, url } = event.currentTarget.dataset;
      const review = this.data.items.find((r) => r.id === id);
      if (review && url) void wx.previewImage({ current: url, urls: review.photos });
    },
  },
});
