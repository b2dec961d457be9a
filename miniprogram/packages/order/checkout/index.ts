/**
 * Checkout: prices the items (order.quote), lets the shopper pick the address and coupons, then
 * creates the orders (order.create) and opens WeChat Pay. Every amount shown is the server's; the
 * total the shopper saw goes back as `expectedPayFen`, so a price that changed meanwhile fails
 * the order instead of charging something else. The `requestId` is made once per page load and
 * sent with every submit, so a retried submit cannot create a second set of orders.
 */
import type { CheckoutItem, CheckoutRequest } from '../../../services/contracts';
import { createOrder, quoteOrder } from '../../../services/order';
import { payForPayment } from '../../../services/payment';
import { takePickedAddressId } from '../../../shared/address-pick';
import { readCheckoutIntent } from '../../../shared/checkout-intent';
import type { DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { newRequestId } from '../../../shared/request-id';
import { ROUTES, TAB_URLS } from '../../../shared/routes';
import { toggleCoupon, toQuoteScreen, type AddressCard, type CouponOptionView, type QuoteShopView } from './view-model';
import { SUBSCRIBE_TEMPLATES } from '../../../config/subscribe';
import { askForMessages } from '../../../shared/subscribe';

const REMARK_MAX_LENGTH = 200;

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    requestId: '',
    items: [] as CheckoutItem[],
    fromCart: false,
    address: null as AddressCard | null,
    shops: [] as QuoteShopView[],
    goodsText: '',
    shippingText: '',
    discountText: '',
    payText: '',
    payFen: 0,
    appliedCouponIds: [] as string[],
    couponOptions: [] as CouponOptionView[],
    couponSummary: '',
    couponPickerVisible: false,
    remark: '',
    remarkMaxLength: REMARK_MAX_LENGTH,
    /** A re-quote (address or coupons changed) is under way: the total on screen may be stale. */
    quoting: false,
    submitting: false,
  },

  methods: {
    onLoad() {
      const intent = readCheckoutIntent();
      if (!intent) {
        this.setData({ status: 'empty' });
        return;
      }
      this.setData({ requestId: newRequestId(), items: intent.items, fromCart: intent.fromCart });
      void this.loadQuote();
    },

    /** Back from the address list in select mode: re-price for the picked address. */
    onShow() {
      const pickedId = takePickedAddressId();
      if (pickedId && this.data.status === 'ready' && pickedId !== this.data.address?.id) {
        void this.requote({ addressId: pickedId, couponIds: this.data.appliedCouponIds });
      }
    },

    onRetry() {
      void this.loadQuote();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.cart });
    },

    baseRequest(): CheckoutRequest {
      return { items: this.data.items, fromCart: this.data.fromCart };
    },

    /** The first quote: the server picks the default address and the best coupons. */
    async loadQuote(): Promise<void> {
      this.setData({ status: 'loading' });
      const result = await quoteOrder(this.baseRequest());
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.setData({ status: 'ready', errorMessage: '', ...toQuoteScreen(result.data) });
    },

    /** A new quote after a change; should it fail, the previous one stays and a toast says why. */
    async requote(change: { addressId?: string; couponIds: string[] }): Promise<boolean> {
      const addressId = change.addressId ?? this.data.address?.id;
      this.setData({ quoting: true });
      const result = await quoteOrder({ ...this.baseRequest(), couponIds: change.couponIds, ...(addressId ? { addressId } : {}) });
      this.setData({ quoting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return false;
      }
      this.setData(toQuoteScreen(result.data));
      return true;
    },

    onAddressTap() {
      void wx.navigateTo({ url: ROUTES.addresses('select') });
    },

    onOpenCoupons() {
      this.setData({ couponPickerVisible: true });
    },

    onCloseCoupons() {
      this.setData({ couponPickerVisible: false });
    },

    onToggleCoupon(event: DetailEvent<{ couponId: string }>) {
      void this.requote({ couponIds: toggleCoupon(this.data.appliedCouponIds, event.detail.couponId) });
    },

    async onClearCoupons() {
      if (await this.requote({ couponIds: [] })) this.setData({ couponPickerVisible: false });
    },

    onRemarkChange(event: DetailEvent<{ value: string }>) {
      this.setData({ remark: event.detail.value });
    },

    async onSubmit(): Promise<void> {
      const { address, submitting, quoting, requestId, items, fromCart, appliedCouponIds, payFen, remark } = this.data;
      if (submitting || quoting) return;
      if (!address) {
        void wx.showToast({ title: '请选择收货地址', icon: 'none' });
        return;
      }
      this.setData({ submitting: true });
      // the shop's shipping notice needs the shopper's consent, asked while this tap lasts
      await askForMessages([SUBSCRIBE_TEMPLATES.orderShipped], 'checkout');
      const trimmedRemark = remark.trim();
      const created = await createOrder({
        requestId,
        items,
        fromCart,
        addressId: address.id,
        couponIds: appliedCouponIds,
        expectedPayFen: payFen,
        ...(trimmedRemark ? { remark: trimmedRemark } : {}),
      });
      if (!created.ok) {
        this.setData({ submitting: false });
        void wx.showToast({ title: created.error.message, icon: 'none' });
        // The shopper sees the new total before trying again.
        if (created.error.code === 'PRICE_CHANGED') void this.requote({ couponIds: appliedCouponIds });
        return;
      }
      const { paymentId } = created.data;
      const outcome = await payForPayment(paymentId);
      if (outcome.kind === 'error') void wx.showToast({ title: outcome.error.message, icon: 'none' });
      // Paid, cancelled or failed: the orders exist now; the result page asks the server which it is.
      void wx.redirectTo({ url: ROUTES.payResult(paymentId) });
    },
  },
});
