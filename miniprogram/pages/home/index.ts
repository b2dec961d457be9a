import type { CategorySummary } from '../../services/contracts';
import { fetchHomeFeed } from '../../services/catalog';
import { openCategoryTab } from '../../shared/category-intent';
import { toGoodsCardView, type GoodsCardView } from '../../shared/goods-card-view';
import type { DatasetEvent, DetailEvent } from '../../shared/events';
import type { PageStatus } from '../../shared/page-status';
import { ROUTES } from '../../shared/routes';
import { bannerTarget, isEmptyFeed, toBannerSlides, type BannerSlide } from './view-model';

type IdTap = DatasetEvent<{ id?: string }>;

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    bannerSlides: [] as BannerSlide[],
    /** Where each banner leads (null: nowhere), by slide index. */
    bannerTargets: [] as Array<string | null>,
    categories: [] as CategorySummary[],
    recommended: [] as GoodsCardView[],
    hot: [] as GoodsCardView[],
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onSearchTap() {
      void wx.navigateTo({ url: ROUTES.search() });
    },

    onBannerTap(event: DetailEvent<{ index: number }>) {
      const target = this.data.bannerTargets[event.detail.index];
      if (target) void wx.navigateTo({ url: target });
    },

    onCategoryTap(event: IdTap) {
      const { id } = event.currentTarget.dataset;
      if (id) openCategoryTab(id);
    },

    onGoodsTap(event: IdTap) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.goodsDetail(id) });
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await fetchHomeFeed();
      if (!result.ok) {
        // A failed refresh keeps what is on screen and says why.
        if (this.data.status === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const feed = result.data;
      this.setData({
        status: isEmptyFeed(feed) ? 'empty' : 'ready',
        errorMessage: '',
        bannerSlides: toBannerSlides(feed.banners),
        bannerTargets: feed.banners.map((banner) => bannerTarget(banner.link)),
        categories: feed.categories,
        recommended: feed.recommended.map(toGoodsCardView),
        hot: feed.hot.map(toGoodsCardView),
      });
    },
  },
});
