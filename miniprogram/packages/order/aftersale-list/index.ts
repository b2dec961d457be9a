/** The shopper's after-sale requests, newest first, paged, with pull to refresh. */
import { listMyAfterSales } from '../../../services/aftersale';
import type { AfterSaleView } from '../../../services/contracts';
import { AFTER_SALE_ROUTES, toAfterSaleCard, type AfterSaleCardView } from '../../../shared/aftersale-text';
import type { DatasetEvent } from '../../../shared/events';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES } from '../../../shared/routes';

const fetchPage: FetchPage<AfterSaleView> = (cursor) => listMyAfterSales(cursor, PAGE_SIZE);
const shownBefore = new WeakSet<object>();

Component({
  data: initialListState<AfterSaleCardView>(),

  methods: {
    onLoad() {
      void loadFirstPage(this, fetchPage, toAfterSaleCard);
    },

    onShow() {
      if (shownBefore.has(this)) void loadFirstPage(this, fetchPage, toAfterSaleCard, 'refresh');
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void loadFirstPage(this, fetchPage, toAfterSaleCard, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, fetchPage, toAfterSaleCard);
    },

    onRetry() {
      void loadFirstPage(this, fetchPage, toAfterSaleCard);
    },

    onEmptyAction() {
      void wx.navigateTo({ url: ROUTES.orderList() });
    },

    onItemTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: AFTER_SALE_ROUTES.detail(id) });
    },
  },
});
