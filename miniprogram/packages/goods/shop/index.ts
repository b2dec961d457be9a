/**
 * A shop's home page: banner, logo, name, announcement, then its goods in a two-column grid with
 * 综合 / 销量 / 新品 / 价格 sorts, paged, with pull to refresh. The header comes from `catalog.shop`
 * (a suspended shop shows 店铺已暂停营业), the goods from `catalog.search` with the shop filter.
 */
import { fetchShopHome, searchGoods } from '../../../services/catalog';
import type { GoodsCard, SearchSort, ShopHome } from '../../../services/contracts';
import type { DatasetEvent } from '../../../shared/events';
import { toGoodsCardView, type GoodsCardView } from '../../../shared/goods-card-view';
import { initialListState, loadFirstPage, loadNextPage, type FetchPage } from '../../../shared/paged-list';
import type { PageStatus } from '../../../shared/page-status';
import { PAGE_SIZE } from '../../../shared/paging';
import { ROUTES, TAB_URLS } from '../../../shared/routes';

type SortTab = 'default' | 'sales' | 'newest' | 'price';

interface ShopHeaderView {
  name: string;
  logoUrl: string;
  bannerUrl: string;
  description: string;
  announcement: string;
  statsText: string;
}

function toHeader(shop: ShopHome): ShopHeaderView {
  const sales = shop.sales >= 10000 ? `${Math.floor(shop.sales / 1000) / 10}万+` : String(shop.sales);
  return { name: shop.name, logoUrl: shop.logoUrl, bannerUrl: shop.bannerUrl, description: shop.description, announcement: shop.announcement, statsText: `在售 ${shop.goodsCount} 件 · 已售 ${sales}` };
}

const SORT_OF: Record<Exclude<SortTab, 'price'>, SearchSort> = { default: 'default', sales: 'sales', newest: 'newest' };

Component({
  data: {
    ...initialListState<GoodsCardView>(),
    shopId: '',
    headerStatus: 'loading' as PageStatus,
    headerError: '',
    header: null as ShopHeaderView | null,
    sortTab: 'default' as SortTab,
    priceAsc: true,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const shopId = query.shopId ?? '';
      this.setData({ shopId });
      if (!shopId) {
        this.setData({ headerStatus: 'error', headerError: '店铺不存在', status: 'error', errorMessage: '店铺不存在' });
        return;
      }
      void this.loadAll();
    },

    fetchPage(): FetchPage<GoodsCard> {
      const { shopId, sortTab, priceAsc } = this.data;
      const sort: SearchSort = sortTab === 'price' ? (priceAsc ? 'price_asc' : 'price_desc') : SORT_OF[sortTab];
      return (cursor) => searchGoods({ shopId, sort, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    },

    async loadHeader() {
      const result = await fetchShopHome(this.data.shopId);
      if (!result.ok) {
        this.setData({ headerStatus: 'error', headerError: result.error.message });
        return false;
      }
      this.setData({ headerStatus: 'ready', header: toHeader(result.data) });
      if (typeof wx.setNavigationBarTitle === 'function') void wx.setNavigationBarTitle({ title: result.data.name });
      return true;
    },

    async loadAll(mode: 'reload' | 'refresh' = 'reload') {
      if (await this.loadHeader()) await loadFirstPage(this, this.fetchPage(), toGoodsCardView, mode);
      else this.setData({ status: 'error', errorMessage: this.data.headerError });
    },

    onPullDownRefresh() {
      void this.loadAll('refresh').then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.onLoadMore();
    },

    onLoadMore() {
      return loadNextPage(this, this.fetchPage(), toGoodsCardView);
    },

    onRetry() {
      void this.loadAll();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    onSortTap(event: DatasetEvent<{ tab?: SortTab }>) {
      const tab = event.currentTarget.dataset.tab;
      if (!tab) return;
      const priceAsc = tab === 'price' && this.data.sortTab === 'price' ? !this.data.priceAsc : true;
      if (tab === this.data.sortTab && tab !== 'price') return;
      this.setData({ sortTab: tab, priceAsc });
      void loadFirstPage(this, this.fetchPage(), toGoodsCardView);
    },

    onGoodsTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.goodsDetail(id) });
    },
  },
});
