/** 浏览记录: goods the shopper looked at, latest visit first, paged; remove one or clear all. */
import type { KeptGoods } from '../../../services/contracts';
import { clearHistory, fetchHistory, removeHistory } from '../../../services/favorite';
import type { DatasetEvent } from '../../../shared/events';
import { toKeptGoodsView, type KeptGoodsView } from '../../../shared/kept-goods-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES, TAB_URLS } from '../../../shared/routes';

const fetchPage: FetchPage<KeptGoods> = (cursor) => fetchHistory(cursor, PAGE_SIZE);
const shownBefore = new WeakSet<object>();

Component({
  data: { ...initialListState<KeptGoodsView>(), clearing: false },

  methods: {
    onLoad() {
      void loadFirstPage(this, fetchPage, toKeptGoodsView);
    },

    onShow() {
      if (shownBefore.has(this)) void loadFirstPage(this, fetchPage, toKeptGoodsView, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, fetchPage, toKeptGoodsView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, fetchPage, toKeptGoodsView);
    },

    onRetry() {
      void loadFirstPage(this, fetchPage, toKeptGoodsView);
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    onItemTap(event: DatasetEvent<{ id?: string; openable?: boolean }>) {
      const { id, openable } = event.currentTarget.dataset;
      if (id && openable) void wx.navigateTo({ url: ROUTES.goodsDetail(id) });
    },

    async onRemove(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (!id) return;
      const result = await removeHistory([id]);
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      const items = this.data.items.filter((item) => item.id !== id);
      this.setData({ items, status: items.length ? 'ready' : 'empty' });
    },

    async onClear() {
      if (this.data.clearing) return;
      const { confirm } = await wx.showModal({ title: '清空浏览记录', content: '清空后无法恢复，确定清空？', confirmText: '清空' });
      if (!confirm) return;
      this.setData({ clearing: true });
      const result = await clearHistory();
      this.setData({ clearing: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ items: [], nextCursor: null, status: 'empty' });
    },
  },
});
