import type { GoodsShelfStatus, ShopGoodsItem } from '../../../services/contracts';
import { listShopGoods, setGoodsOnShelf } from '../../../services/shop';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { SHOP_ROUTES } from '../../../shared/shop-routes';
import { isShelfStatus, SHELF_TABS, toShopGoodsView, type ShopGoodsView } from './view-model';

const shownBefore = new WeakSet<object>();

Component({
  data: {
    ...initialListState<ShopGoodsView>(),
    shopId: '',
    tabs: SHELF_TABS,
    activeTab: 'on_shelf' as GoodsShelfStatus,
    busyId: '',
    keyword: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '', ...(isShelfStatus(query.status) ? { activeTab: query.status } : {}) });
      void this.reload();
    },

    onShow() {
      if (shownBefore.has(this)) void loadFirstPage(this, this.pageFetcher(), toShopGoodsView, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toShopGoodsView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toShopGoodsView);
    },

    onRetry() {
      void this.reload();
    },

    onEmptyAction() {
      this.onAdd();
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isShelfStatus(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value });
      void this.reload();
    },

    onSearchSubmit(event: DetailEvent<{ value: string }>) {
      this.setData({ keyword: event.detail.value.trim() });
      void this.reload();
    },

    onSearchClear() {
      this.setData({ keyword: '' });
      void this.reload();
    },

    onAdd() {
      void wx.navigateTo({ url: SHOP_ROUTES.goodsEdit(this.data.shopId) });
    },

    onEdit(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: SHOP_ROUTES.goodsEdit(this.data.shopId, id) });
    },

    /** Puts the goods on or off the shelf; it stays in the list, greyed, until the next refresh. */
    async onToggleShelf(event: DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const item = this.data.items[index];
      if (!item || this.data.busyId) return;
      this.setData({ busyId: item.id });
      const result = await setGoodsOnShelf(this.data.shopId, item.id, !item.onShelf);
      this.setData({ busyId: '' });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      const onShelf = result.data.status === 'on_shelf';
      this.setData({ [`items[${index}].onShelf`]: onShelf, [`items[${index}].moved`]: onShelf !== (this.data.activeTab === 'on_shelf') });
      void wx.showToast({ title: onShelf ? '已上架' : '已下架', icon: 'success' });
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toShopGoodsView);
    },

    pageFetcher(): FetchPage<ShopGoodsItem> {
      const { shopId, activeTab, keyword } = this.data;
      return (cursor) => listShopGoods(shopId, activeTab, keyword, cursor, PAGE_SIZE);
    },
  },
});
