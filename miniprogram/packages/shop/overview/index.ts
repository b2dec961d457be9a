import type { MyShop } from '../../../services/contracts';
import { fetchMyShops, fetchShopOverview } from '../../../services/shop';
import type { DatasetEvent } from '../../../shared/events';
import { LatestRequest } from '../../../shared/latest-request';
import type { PageStatus } from '../../../shared/page-status';
import { entries, roleText, shopChips, statCards, type EntryView, type ShopChip, type StatCard } from './view-model';

const latest = new LatestRequest();
/** Pages shown once already: coming back (from goods or orders) refreshes the figures. */
const shownBefore = new WeakSet<object>();

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    shops: [] as MyShop[],
    chips: [] as ShopChip[],
    shopName: '',
    roleText: '',
    suspended: false,
    cards: [] as StatCard[],
    entries: [] as EntryView[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '' });
      void this.load();
    },

    onShow() {
      if (shownBefore.has(this) && this.data.status === 'ready') void this.load(true);
      shownBefore.add(this);
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.navigateTo({ url: '/packages/shop/apply/index' });
    },

    /** Loads the caller's shops and the chosen shop's figures (the first shop when none is named). */
    async load(keepOnScreen = false): Promise<void> {
      const token = latest.begin(this);
      if (!keepOnScreen) this.setData({ status: 'loading', errorMessage: '' });
      const mine = await fetchMyShops();
      if (!latest.isLatest(this, token)) return;
      if (!mine.ok) {
        this.showFailure(mine.error.message, keepOnScreen);
        return;
      }
      const shops = mine.data.shops;
      const shopId = shops.some((s) => s.id === this.data.shopId) ? this.data.shopId : shops[0]?.id ?? '';
      if (!shopId) {
        this.setData({ status: 'empty', shops, chips: [] });
        return;
      }
      const result = await fetchShopOverview(shopId);
      if (!latest.isLatest(this, token)) return;
      if (!result.ok) {
        this.showFailure(result.error.message, keepOnScreen);
        return;
      }
      const o = result.data;
      void wx.setNavigationBarTitle({ title: o.shop.name });
      this.setData({
        status: 'ready',
        shopId,
        shops,
        chips: shops.length > 1 ? shopChips(shops, shopId) : [],
        shopName: o.shop.name,
        roleText: roleText(o.role),
        suspended: o.shop.status === 'suspended',
        cards: statCards(o),
        entries: entries(shopId),
      });
    },

    /** A failed refresh keeps the figures on screen and says why; a first load shows the error. */
    showFailure(message: string, keepOnScreen: boolean) {
      if (keepOnScreen && this.data.status === 'ready') void wx.showToast({ title: message, icon: 'none' });
      else this.setData({ status: 'error', errorMessage: message });
    },

    onSwitchShop(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (!id || id === this.data.shopId) return;
      this.setData({ shopId: id });
      void this.load();
    },

    onCardTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.navigateTo({ url });
    },

    onEntryTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.navigateTo({ url });
    },
  },
});
