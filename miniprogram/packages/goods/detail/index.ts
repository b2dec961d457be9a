import type { SpecDimension } from '../../../services/contracts';
import { addToCart } from '../../../services/cart';
import { fetchGoodsDetail } from '../../../services/catalog';
import { addFavorite, fetchFavoriteStatus, recordView, removeFavorites } from '../../../services/favorite';
import { fetchGoodsReviews, fetchRatingSummary } from '../../../services/review';
import { saveCheckoutIntent } from '../../../shared/checkout-intent';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { toRatingSummaryView, toReviewItemView, type RatingSummaryView, type ReviewItemView } from '../../../shared/review-view';
import { ROUTES, TAB_URLS } from '../../../shared/routes';
import type { PickerMode } from './sku-picker/index';
import { initialSummary, toDetailView, toSkuOption, type GoodsDetailView, type SkuOption } from './view-model';

interface PickerConfirm {
  action: 'cart' | 'buy';
  skuId: string;
  quantity: number;
}

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    goodsId: '',
    goods: null as GoodsDetailView | null,
    specs: [] as SpecDimension[],
    skus: [] as SkuOption[],
    pickerVisible: false,
    pickerMode: 'choose' as PickerMode,
    /** "礼盒装 / 500g，1件" or "请选择 包装 规格", from the picker. */
    selectionSummary: '',
    adding: false,
    /** The rating summary and the newest reviews; null until they load (they never block the page). */
    rating: null as RatingSummaryView | null,
    reviews: [] as ReviewItemView[],
    favorite: false,
    favoriteBusy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ goodsId: query.goodsId ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    async load(): Promise<void> {
      const { goodsId } = this.data;
      if (!goodsId) {
        this.setData({ status: 'empty' });
        return;
      }
      this.setData({ status: 'loading' });
      const result = await fetchGoodsDetail(goodsId);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const goods = result.data;
      const skus = goods.skus.map(toSkuOption);
      this.setData({ status: 'ready', goods: toDetailView(goods), specs: goods.specs, skus, selectionSummary: initialSummary(goods.specs, skus) });
      void wx.setNavigationBarTitle({ title: goods.title });
      void this.loadExtras(goodsId);
    },

    /** Reviews, the favourite star and the history entry: each may fail without touching the page. */
    async loadExtras(goodsId: string): Promise<void> {
      void recordView(goodsId);
      const [summary, reviews, favorite] = await Promise.all([fetchRatingSummary(goodsId), fetchGoodsReviews(goodsId, false, null, 2), fetchFavoriteStatus(goodsId)]);
      if (summary.ok) this.setData({ rating: toRatingSummaryView(summary.data) });
      if (reviews.ok) this.setData({ reviews: reviews.data.items.map(toReviewItemView) });
      if (favorite.ok) this.setData({ favorite: favorite.data.favorite });
    },

    async onToggleFavorite(): Promise<void> {
      const { goodsId, favorite, favoriteBusy } = this.data;
      if (favoriteBusy) return;
      this.setData({ favoriteBusy: true, favorite: !favorite });
      const result = favorite ? await removeFavorites([goodsId]) : await addFavorite(goodsId);
      this.setData({ favoriteBusy: false });
      if (!result.ok) {
        this.setData({ favorite });
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: favorite ? '已取消收藏' : '已收藏', icon: 'none' });
    },

    onOpenShop(): void {
      const shopId = this.data.goods?.shopId;
      if (shopId) void wx.navigateTo({ url: ROUTES.shopHome(shopId) });
    },

    onOpenReviews(): void {
      if (this.data.goodsId) void wx.navigateTo({ url: ROUTES.goodsReviews(this.data.goodsId) });
    },

    onPhotoTap(event: DatasetEvent<{ id?: string; url?: string }>) {
      const { id, url } = event.currentTarget.dataset;
      const review = this.data.reviews.find((r) => r.id === id);
      if (review && url) void wx.previewImage({ current: url, urls: review.photos });
    },

    onPreviewImage(event: DetailEvent<{ index: number }>) {
      const images = this.data.goods?.images ?? [];
      const current = images[event.detail.index];
      if (current) void wx.previewImage({ urls: images, current });
    },

    onOpenPicker() {
      this.setData({ pickerVisible: true, pickerMode: 'choose' });
    },

    onAddToCartTap() {
      this.setData({ pickerVisible: true, pickerMode: 'cart' });
    },

    onBuyNowTap() {
      this.setData({ pickerVisible: true, pickerMode: 'buy' });
    },

    onPickerClose() {
      this.setData({ pickerVisible: false });
    },

    onPickerChange(event: DetailEvent<{ summary: string }>) {
      this.setData({ selectionSummary: event.detail.summary });
    },

    onGoCart() {
      void wx.switchTab({ url: TAB_URLS.cart });
    },

    async onPickerConfirm(event: DetailEvent<PickerConfirm>) {
      const { action, skuId, quantity } = event.detail;
      if (action === 'buy') {
        saveCheckoutIntent({ items: [{ skuId, quantity }], fromCart: false });
        this.setData({ pickerVisible: false });
        void wx.navigateTo({ url: ROUTES.checkout() });
        return;
      }
      if (this.data.adding) return;
      this.setData({ adding: true });
      const result = await addToCart(skuId, quantity);
      this.setData({ adding: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ pickerVisible: false });
      void wx.showToast({ title: '已加入购物车', icon: 'success' });
    },
  },
});
