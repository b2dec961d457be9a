import type { GoodsCard, SearchSort } from '../../../services/contracts';
import { searchGoods } from '../../../services/catalog';
import { formatFen, formatYuan, parseYuanToFen } from '../../../services/format';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { toGoodsCardView, type GoodsCardView } from '../../../shared/goods-card-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import { PAGE_SIZE } from '../../../shared/paging';
import { queryText, ROUTES } from '../../../shared/routes';
import { nextSort, sortTabOf, toSearchRequest, type SearchFilters, type SortTab } from './search-request';

Component({
  data: {
    ...initialListState<GoodsCardView>(),
    keyword: '',
    categoryId: '',
    shopId: '',
    sort: 'default' as SearchSort,
    sortTab: 'default' as SortTab,
    minPriceFen: null as number | null,
    maxPriceFen: null as number | null,
    /** The applied price range, e.g. "¥10.00 - ¥50.00"; empty without one. */
    priceRangeText: '',
    focusSearch: false,
    filterVisible: false,
    minPriceInput: '',
    maxPriceInput: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const keyword = queryText(query.keyword);
      const categoryId = query.categoryId ?? '';
      const title = queryText(query.title);
      if (title) void wx.setNavigationBarTitle({ title });
      this.setData({ keyword, categoryId, shopId: query.shopId ?? '', focusSearch: !keyword && !categoryId });
      void this.reload();
    },

    onPullDownRefresh() {
      void loadFirstPage(this, this.pageFetcher(), toGoodsCardView, 'refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.pageFetcher(), toGoodsCardView);
    },

    onRetry() {
      void this.reload();
    },

    onSearchSubmit(event: DetailEvent<{ value: string }>) {
      this.setData({ keyword: event.detail.value });
      void this.reload();
    },

    onSearchClear() {
      this.setData({ keyword: '' });
      void this.reload();
    },

    onSortTap(event: DatasetEvent<{ tab?: SortTab }>) {
      const { tab } = event.currentTarget.dataset;
      if (!tab) return;
      const sort = nextSort(this.data.sort, tab);
      if (sort === this.data.sort) return;
      this.setData({ sort, sortTab: sortTabOf(sort) });
      void this.reload();
    },

    onGoodsTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.goodsDetail(id) });
    },

    onOpenFilter() {
      const { minPriceFen, maxPriceFen } = this.data;
      this.setData({
        filterVisible: true,
        minPriceInput: minPriceFen === null ? '' : formatYuan(minPriceFen),
        maxPriceInput: maxPriceFen === null ? '' : formatYuan(maxPriceFen),
      });
    },

    onFilterVisibleChange(event: DetailEvent<{ visible: boolean }>) {
      this.setData({ filterVisible: event.detail.visible });
    },

    onMinPriceInput(event: DetailEvent<{ value: string }>) {
      this.setData({ minPriceInput: event.detail.value });
    },

    onMaxPriceInput(event: DetailEvent<{ value: string }>) {
      this.setData({ maxPriceInput: event.detail.value });
    },

    onFilterReset() {
      this.setData({ minPriceInput: '', maxPriceInput: '' });
    },

    onFilterConfirm() {
      const parse = (text: string) => (text.trim() === '' ? null : parseYuanToFen(text));
      const min = parse(this.data.minPriceInput);
      const max = parse(this.data.maxPriceInput);
      if ((this.data.minPriceInput.trim() && min === null) || (this.data.maxPriceInput.trim() && max === null)) {
        void wx.showToast({ title: '请输入正确的价格，最多两位小数', icon: 'none' });
        return;
      }
      if (min !== null && max !== null && min > max) {
        void wx.showToast({ title: '最低价不能高于最高价', icon: 'none' });
        return;
      }
      const priceRangeText = min === null && max === null ? '' : `${min === null ? '不限' : formatFen(min)} - ${max === null ? '不限' : formatFen(max)}`;
      this.setData({ filterVisible: false, minPriceFen: min, maxPriceFen: max, priceRangeText });
      void this.reload();
    },

    reload(): Promise<void> {
      return loadFirstPage(this, this.pageFetcher(), toGoodsCardView);
    },

    /** Fetches pages for the filters as they are now. */
    pageFetcher(): FetchPage<GoodsCard> {
      const { keyword, categoryId, shopId, sort, minPriceFen, maxPriceFen } = this.data;
      const filters: SearchFilters = { keyword, categoryId, shopId, sort, minPriceFen, maxPriceFen };
      return (cursor) => searchGoods(toSearchRequest(filters, cursor, PAGE_SIZE));
    },
  },
});
