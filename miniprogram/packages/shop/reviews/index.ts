/** The shop's reviews: 待回复 / 已回复 / 全部 tabs, paged, and a reply dialog (one reply per review). */
import type { ShopReviewView } from '../../../services/contracts';
import { REVIEW_LIMITS } from '../../../services/contracts';
import { fetchShopReviews, replyToReview } from '../../../services/review';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { toShopReviewItemView, type ShopReviewItemView } from '../../../shared/review-view';

type Tab = 'waiting' | 'replied' | 'all';
const REPLIED: Record<Tab, boolean | undefined> = { waiting: false, replied: true, all: undefined };

Component({
  data: { ...initialListState<ShopReviewItemView>(), shopId: '', tab: 'waiting' as Tab, replyVisible: false, replyId: '', replyText: '', replying: false, replyMax: REVIEW_LIMITS.replyMax },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const shopId = query.shopId ?? '';
      this.setData({ shopId });
      if (!shopId) return void this.setData({ status: 'error', errorMessage: '请从店铺管理进入' });
      void loadFirstPage(this, this.fetchPage(), toShopReviewItemView);
    },

    fetchPage(): FetchPage<ShopReviewView> {
      const { shopId, tab } = this.data;
      return (cursor) => fetchShopReviews(shopId, REPLIED[tab], cursor, PAGE_SIZE);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.fetchPage(), toShopReviewItemView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.fetchPage(), toShopReviewItemView);
    },

    onRetry() {
      void loadFirstPage(this, this.fetchPage(), toShopReviewItemView);
    },

    onTabChange(event: DetailEvent<{ value: Tab }>) {
      this.setData({ tab: event.detail.value });
      void loadFirstPage(this, this.fetchPage(), toShopReviewItemView);
    },

    onPhotoTap(event: DatasetEvent<{ id?: string; url?: string }>) {
      const { id, url } = event.currentTarget.dataset;
      const review = this.data.items.find((r) => r.id === id);
      if (review && url) void wx.previewImage({ current: url, urls: review.photos });
    },

    onAskReply(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) this.setData({ replyVisible: true, replyId: id, replyText: '' });
    },

    onReplyInput(event: DetailEvent<{ value: string }>) {
      this.setData({ replyText: event.detail.value });
    },

    onReplyCancel() {
      this.setData({ replyVisible: false, replyId: '' });
    },

    async onReplyConfirm() {
      const { replyId, replying, shopId, tab } = this.data;
      const text = this.data.replyText.trim();
      if (!replyId || replying) return;
      if (!text) return void wx.showToast({ title: '请填写回复内容', icon: 'none' });
      this.setData({ replying: true });
      const result = await replyToReview(shopId, replyId, text);
      this.setData({ replying: false });
      if (!result.ok) return void wx.showToast({ title: result.error.message, icon: 'none' });
      const view = toShopReviewItemView(result.data);
      const items = tab === 'waiting' ? this.data.items.filter((r) => r.id !== replyId) : this.data.items.map((r) => (r.id === replyId ? view : r));
      this.setData({ replyVisible: false, replyId: '', items, status: items.length ? 'ready' : 'empty' });
      void wx.showToast({ title: '已回复', icon: 'success' });
    },
  },
});
