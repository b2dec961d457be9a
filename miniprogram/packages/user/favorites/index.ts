/** 我的收藏: kept goods, newest first, paged; 管理 selects several to remove. */
import type { KeptGoods } from '../../../services/contracts';
import { fetchFavorites, removeFavorites } from '../../../services/favorite';
import type { DatasetEvent } from '../../../shared/events';
import { toKeptGoodsView, type KeptGoodsView } from '../../../shared/kept-goods-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES, TAB_URLS } from '../../../shared/routes';

const fetchPage: FetchPage<KeptGoods> = (cursor) => fetchFavorites(cursor, PAGE_SIZE);
const shownBefore = new WeakSet<object>();

Component({
  data: { ...initialListState<KeptGoodsView>(), editing: false, selected: {} as Record<string, boolean>, selectedCount: 0, removing: false },

  methods: {
    onLoad() {
      void loadFirstPage(this, fetchPage, toKeptGoodsView);
    },

    onShow() {
      if (shownBefore.has(this) && !this.data.editing) void loadFirstPage(this, fetchPage, toKeptGoodsView, 'refresh');
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

    onToggleEdit() {
      this.setData({ editing: !this.data.editing, selected: {}, selectedCount: 0 });
    },

    onItemTap(event: DatasetEvent<{ id?: string; openable?: boolean }>) {
      const { id, openable } = event.currentTarget.dataset;
      if (!id) return;
      if (this.data.editing) {
        const selected = { ...this.data.selected, [id]: !this.data.selected[id] };
        this.setData({ selected, selectedCount: Object.values(selected).filter(Boolean).length });
        return;
      }
      if (openable) void wx.navigateTo({ url: ROUTES.goodsDetail(id) });
    },

    async onRemoveSelected() {
      const ids = Object.keys(this.data.selected).filter((id) => this.data.selected[id]);
      if (!ids.length || this.data.removing) return;
      const { confirm } = await wx.showModal({ title: '取消收藏', content: `确定取消收藏这 ${ids.length} 件商品？`, confirmText: '取消收藏' });
      if (!confirm) return;
      this.setData({ removing: true });
      const result = await removeFavorites(ids);
      this.setData({ removing: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      const items = this.data.items.filter((item) => !ids.includes(item.id));
      this.setData({ items, editing: false, selected: {}, selectedCount: 0, status: items.length ? 'ready' : 'empty' });
      void wx.showToast({ title: '已取消收藏', icon: 'success' });
    },
  },
});
