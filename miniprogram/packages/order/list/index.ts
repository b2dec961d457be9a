import type { OrderListFilter, OrderSummary } from '../../../services/contracts';
import { listOrders } from '../../../services/order';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { isOrderListFilter, ORDER_TABS } from '../../../shared/order-text';
import { toOrderCardView, type OrderCardView } from '../../../shared/order-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES, TAB_URLS } from '../../../shared/routes';

/** Pages shown once already: coming back to them (from an order's detail) refreshes the list. */
const shownBefore = new WeakSet<object>();

Component({
  data: {
    ...initialListState<OrderCardView>(),
    tabs: ORDER_TABS,
    activeTab: 'all' as OrderListFilter,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const status = query.status;
      if (isOrderListFilter(status)) this.setData({ activeTab: status });
      void this.reload();
    },

    onShow() {
      if (shownBefore.has(this)) void loadFirstPage(this, this.pageFetcher(), toOrderCardView, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toOrderCardView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toOrderCardView);
    },

    onRetry() {
      void this.reload();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    onTabChange(event: DetailEvent<{ value: string }>) {
      const { value } = event.detail;
      if (!isOrderListFilter(value) || value === this.data.activeTab) return;
      this.setData({ activeTab: value });
      void this.reload();
    },

    onOrderTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.orderDetail(id) });
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toOrderCardView);
    },

    pageFetcher(): FetchPage<OrderSummary> {
      const status = this.data.activeTab;
      return (cursor) => listOrders(status, cursor, PAGE_SIZE);
    },
  },
});
