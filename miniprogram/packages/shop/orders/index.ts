/** A shop's orders by state (tabs), paged, with pull to refresh; a card opens the order. */
import type { ShopOrderFilter, ShopOrderSummary } from '../../../services/contracts';
import { listShopOrders } from '../../../services/shoporder';
import { AFTER_SALE_ROUTES } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { toOrderCardView, type OrderCardView } from '../../../shared/order-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';

const TABS: ReadonlyArray<{ value: ShopOrderFilter; label: string }> = [
  { value: 'paid', label: '待发货' },
  { value: 'shipped', label: '已发货' },
  { value: 'completed', label: '已完成' },
  { value: 'cancelled', label: '已关闭' },
  { value: 'all', label: '全部' },
];

export type ShopOrderCardView = OrderCardView & { buyerName: string; afterSaleText: string };

function toCard(o: ShopOrderSummary): ShopOrderCardView {
  return { ...toOrderCardView(o), buyerName: o.buyerName, afterSaleText: o.openAfterSales ? `售后中 ${o.openAfterSales}` : '' };
}

const shownBefore = new WeakSet<object>();

Component({
  data: {
    ...initialListState<ShopOrderCardView>(),
    shopId: '',
    tabs: TABS,
    activeTab: 'paid' as ShopOrderFilter,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = TABS.find((t) => t.value === query.status);
      this.setData({ shopId: query.shopId ?? '', ...(tab ? { activeTab: tab.value } : {}) });
      if (!query.shopId) {
        this.setData({ status: 'empty' });
        return;
      }
      void this.reload();
    },

    onShow() {
      if (shownBefore.has(this) && this.data.shopId) void loadFirstPage(this, this.pageFetcher(), toCard, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toCard, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toCard);
    },

    onRetry() {
      void this.reload();
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const tab = TABS.find((t) => t.value === event.detail.value);
      if (!tab || tab.value === this.data.activeTab) return;
      this.setData({ activeTab: tab.value });
      void this.reload();
    },

    onOrderTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: AFTER_SALE_ROUTES.shopOrderDetail(this.data.shopId, id) });
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toCard);
    },

    pageFetcher(): FetchPage<ShopOrderSummary> {
      const { shopId, activeTab } = this.data;
      return (cursor) => listShopOrders(shopId, activeTab, cursor, PAGE_SIZE);
    },
  },
});
