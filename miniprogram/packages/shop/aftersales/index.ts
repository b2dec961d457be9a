/** A shop's after-sale requests by state (tabs), paged, with pull to refresh. */
import { listShopAfterSales } from '../../../services/aftersale';
import type { AfterSaleStatus, AfterSaleView } from '../../../services/contracts';
import { AFTER_SALE_ROUTES, toAfterSaleCard, type AfterSaleCardView } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';

type Tab = AfterSaleStatus | 'all';
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'requested', label: '待处理' },
  { value: 'returning', label: '待收货' },
  { value: 'awaiting_return', label: '待寄回' },
  { value: 'refunding', label: '退款中' },
  { value: 'all', label: '全部' },
];

const shownBefore = new WeakSet<object>();

Component({
  data: {
    ...initialListState<AfterSaleCardView>(),
    shopId: '',
    tabs: TABS,
    activeTab: 'requested' as Tab,
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
      if (shownBefore.has(this) && this.data.shopId) void loadFirstPage(this, this.pageFetcher(), toAfterSaleCard, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toAfterSaleCard, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toAfterSaleCard);
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

    onItemTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: AFTER_SALE_ROUTES.shopAfterSaleDetail(this.data.shopId, id) });
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toAfterSaleCard);
    },

    pageFetcher(): FetchPage<AfterSaleView> {
      const { shopId, activeTab } = this.data;
      return (cursor) => listShopAfterSales(shopId, activeTab, cursor, PAGE_SIZE);
    },
  },
});
