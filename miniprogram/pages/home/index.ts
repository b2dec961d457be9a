import type { CategorySummary } from '../../services/contracts';
import { fetchHomeFeed } from '../../services/catalog';
import { openCategoryTab } from '../../shared/category-intent';
import type { PageStatus } from '../../shared/page-status';
import { isEmptyFeed, toBannerSlides, toGoodsCardView, type BannerSlide, type GoodsCardView } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    bannerSlides: [] as BannerSlide[],
    categories: [] as CategorySummary[],
    goods: [] as GoodsCardView[],
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

    onCategoryTap(event: WechatMiniprogram.CustomEvent<Record<string, unknown>, Record<string, unknown>, { id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) openCategoryTab(id);
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await fetchHomeFeed();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const feed = result.data;
      this.setData({
        status: isEmptyFeed(feed) ? 'empty' : 'ready',
        errorMessage: '',
        bannerSlides: toBannerSlides(feed.banners),
        categories: feed.categories,
        goods: feed.goods.map(toGoodsCardView),
      });
    },
  },
});
