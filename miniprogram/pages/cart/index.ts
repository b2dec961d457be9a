import type { CartView, Result } from '../../services/contracts';
import { fetchCart, removeCartLines, selectCartLines, setCartQuantity } from '../../services/cart';
import { saveCheckoutIntent } from '../../shared/checkout-intent';
import type { DatasetEvent } from '../../shared/events';
import type { PageStatus } from '../../shared/page-status';
import { ROUTES, TAB_URLS } from '../../shared/routes';
import { checkoutItems, selectableLineIds, toCartScreen, type CartShopView } from './view-model';

type LineEvent<D extends WechatMiniprogram.IAnyObject = Record<string, never>> = WechatMiniprogram.CustomEvent<
  D,
  WechatMiniprogram.IAnyObject,
  { id?: string; shopId?: string; shopIndex?: number; lineIndex?: number }
>;

/** The last cart the server sent, to put the controls back after a change it refused. */
const lastCart = new WeakMap<object, CartView>();

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shops: [] as CartShopView[],
    allSelected: false,
    anySelectable: false,
    invalidLineIds: [] as string[],
    selectedCount: 0,
    totalText: '',
  },

  methods: {
    /** A tab page stays alive: reload on every show, the cart may have changed elsewhere. */
    onShow() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await fetchCart();
      if (!result.ok) {
        if (this.data.status === 'ready') void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.show(result.data);
    },

    show(cart: CartView) {
      lastCart.set(this, cart);
      const screen = toCartScreen(cart);
      const empty = screen.shops.every((shop) => shop.lines.length === 0);
      this.setData({ status: empty ? 'empty' : 'ready', errorMessage: '', ...screen });
    },

    /** Applies the cart a change returned; on failure says why and puts the controls back. */
    async apply(change: Promise<Result<CartView>>): Promise<void> {
      const result = await change;
      if (result.ok) {
        this.show(result.data);
        return;
      }
      void wx.showToast({ title: result.error.message, icon: 'none' });
      const previous = lastCart.get(this);
      if (previous) this.show(previous);
    },

    onLineSelect(event: LineEvent<{ checked: boolean }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void this.apply(selectCartLines([id], event.detail.checked));
    },

    onShopSelect(event: LineEvent) {
      const { shopId } = event.currentTarget.dataset;
      const shop = this.data.shops.find((candidate) => candidate.shopId === shopId);
      if (!shop || !shop.selectable) return;
      void this.apply(selectCartLines(selectableLineIds(this.data.shops, shop.shopId), !shop.allSelected));
    },

    onAllSelect() {
      if (!this.data.anySelectable) return;
      void this.apply(selectCartLines(selectableLineIds(this.data.shops), !this.data.allSelected));
    },

    onQuantityChange(event: LineEvent<{ value: number | string }>) {
      const { id, shopIndex, lineIndex } = event.currentTarget.dataset;
      const quantity = Number(event.detail.value);
      if (!id || !Number.isInteger(quantity) || quantity <= 0) return;
      // Shown at once; should the server refuse it, the cart it last sent puts the stepper back.
      this.setData({ [`shops[${shopIndex}].lines[${lineIndex}].quantity`]: quantity });
      void this.apply(setCartQuantity(id, quantity));
    },

    onDeleteLine(event: LineEvent) {
      const { id } = event.currentTarget.dataset;
      if (id) void this.apply(removeCartLines([id]));
    },

    onClearInvalid() {
      const ids = this.data.invalidLineIds;
      if (ids.length) void this.apply(removeCartLines(ids));
    },

    onLineTap(event: DatasetEvent<{ goodsId?: string }>) {
      const { goodsId } = event.currentTarget.dataset;
      if (goodsId) void wx.navigateTo({ url: ROUTES.goodsDetail(goodsId) });
    },

    onCheckout() {
      const items = checkoutItems(this.data.shops);
      if (!items.length || !this.data.selectedCount) {
        void wx.showToast({ title: '请选择要结算的商品', icon: 'none' });
        return;
      }
      saveCheckoutIntent({ items, fromCart: true });
      void wx.navigateTo({ url: ROUTES.checkout() });
    },
  },
});
