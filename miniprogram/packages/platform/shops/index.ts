import type { AdminShopView } from '../../../services/contracts';
import { fetchAdminShops, reinstateShop, suspendShop } from '../../../services/merchant';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { emptyText, isShopFilter, SHOP_TABS, type ShopFilter, shopRow, type ShopRow } from './view-model';

Component({
  data: {
    ...initialListState<ShopRow>(),
    tabs: SHOP_TABS,
    filter: 'all' as ShopFilter,
    keyword: '',
    emptyText: emptyText('all', ''),
    busyId: '',
  },

  methods: {
    onLoad() {
      void this.reload();
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.fetcher(), shopRow, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.fetcher(), shopRow);
    },

    onRetry() {
      void this.reload();
    },

    reload(): Promise<void> {
      this.setData({ emptyText: emptyText(this.data.filter, this.data.keyword) });
      return loadFirstPage(this, this.fetcher(), shopRow);
    },

    fetcher(): FetchPage<AdminShopView> {
      const { filter, keyword } = this.data;
      return (cursor) => fetchAdminShops({ ...(filter === 'all' ? {} : { status: filter }), keyword }, cursor, PAGE_SIZE);
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isShopFilter(value) || value === this.data.filter) return;
      this.setData({ filter: value });
      void this.reload();
    },

    onSearch(event: DetailEvent<{ value: string }>) {
      const keyword = (event.detail.value ?? '').trim();
      this.setData({ keyword });
      void this.reload();
    },

    onSearchClear() {
      if (!this.data.keyword) return;
      this.setData({ keyword: '' });
      void this.reload();
    },

    async onToggle(event: DatasetEvent<{ id?: string }>): Promise<void> {
      const { id } = event.currentTarget.dataset;
      const shop = this.data.items.find((s) => s.id === id);
      if (!shop || this.data.busyId) return;
      const suspending = !shop.suspended;
      const { confirm } = await wx.showModal({
        title: suspending ? '暂停店铺' : '恢复营业',
        content: suspending ? `暂停「${shop.name}」后，它的商品会从商城下架，店铺不能再修改商品和设置；已有订单照常处理。` : `恢复「${shop.name}」营业后，它的在售商品会重新上架。`,
        confirmText: suspending ? '暂停' : '恢复',
      });
      if (!confirm) return;
      this.setData({ busyId: shop.id });
      const result = suspending ? await suspendShop(shop.id) : await reinstateShop(shop.id);
      this.setData({ busyId: '' });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      const index = this.data.items.findIndex((s) => s.id === shop.id);
      const suspended = result.data.status === 'suspended';
      if (index >= 0) this.setData({ [`items[${index}].suspended`]: suspended, [`items[${index}].statusText`]: suspended ? '已暂停' : '营业中' });
      void wx.showToast({ title: suspended ? '店铺已暂停' : '店铺已恢复营业', icon: 'none' });
    },
  },
});
