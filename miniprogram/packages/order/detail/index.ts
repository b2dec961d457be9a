/**
 * One order: status (with a countdown while unpaid), address, lines, amounts, history, and what
 * the shopper may do now (the server's `actions`): pay, cancel or confirm receipt; cancel and
 * confirm ask first in a dialog.
 */
import type { OrderDetail, Result } from '../../../services/contracts';
import { cancelOrder, confirmReceipt, fetchOrder } from '../../../services/order';
import { payForPayment } from '../../../services/payment';
import type { DatasetEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { ROUTES, TAB_URLS } from '../../../shared/routes';
import { AFTER_SALE_ROUTES } from '../../../shared/aftersale-text';
import { confirmationOf, toOrderDetailView, type OrderDetailView } from './view-model';

type ConfirmedAction = 'cancel' | 'confirm';

const DONE_TEXT: Record<ConfirmedAction, string> = { cancel: '订单已取消', confirm: '已确认收货' };

/** Pages shown once already: coming back (from the pay result) reloads the order. */
const shownBefore = new WeakSet<object>();

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    orderId: '',
    order: null as OrderDetailView | null,
    /** Milliseconds left to pay, for t-count-down; 0 when not pending. */
    payRemainingMs: 0,
    dialogVisible: false,
    dialogAction: '' as ConfirmedAction | '',
    dialogTitle: '',
    dialogContent: '',
    acting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ orderId: query.orderId ?? '' });
      void this.load();
    },

    onShow() {
      if (shownBefore.has(this) && this.data.status === 'ready') void this.load(true);
      shownBefore.add(this);
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.redirectTo({ url: ROUTES.orderList() });
    },

    async load(quiet = false): Promise<void> {
      const { orderId } = this.data;
      if (!orderId) {
        this.setData({ status: 'empty' });
        return;
      }
      if (!quiet) this.setData({ status: 'loading' });
      const result = await fetchOrder(orderId);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else if (quiet) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.show(result.data);
    },

    show(order: OrderDetail) {
      const payRemainingMs = order.status === 'pending_payment' ? Math.max(0, order.payDeadline - Date.now()) : 0;
      this.setData({ status: 'ready', errorMessage: '', order: toOrderDetailView(order), payRemainingMs });
    },

    /** The pay deadline passed: the server cancels the order, show what it says now. */
    onCountdownFinish() {
      void this.load(true);
    },

    async onPay(): Promise<void> {
      const { order, acting } = this.data;
      if (!order || acting) return;
      this.setData({ acting: true });
      const outcome = await payForPayment(order.paymentId);
      this.setData({ acting: false });
      if (outcome.kind === 'error') {
        void wx.showToast({ title: outcome.error.message, icon: 'none' });
        return;
      }
      void wx.navigateTo({ url: ROUTES.payResult(order.paymentId) });
    },

    onAskAction(event: DatasetEvent<{ action?: ConfirmedAction }>) {
      const { action } = event.currentTarget.dataset;
      const { order } = this.data;
      if (!action || !order) return;
      const { title, content } = confirmationOf(action, order.status);
      this.setData({ dialogVisible: true, dialogAction: action, dialogTitle: title, dialogContent: content });
    },

    onDialogCancel() {
      this.setData({ dialogVisible: false, dialogAction: '' });
    },

    async onDialogConfirm(): Promise<void> {
      const { dialogAction: action, orderId, acting } = this.data;
      this.setData({ dialogVisible: false, dialogAction: '' });
      if (!action || acting) return;
      this.setData({ acting: true });
      const run: (id: string) => Promise<Result<OrderDetail>> = action === 'cancel' ? cancelOrder : confirmReceipt;
      const result = await run(orderId);
      this.setData({ acting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        // The order may have moved on meanwhile (paid, shipped, timed out): show it as it is.
        if (result.error.code === 'ORDER_STATE_INVALID') void this.load(true);
        return;
      }
      this.show(result.data);
      void wx.showToast({ title: DONE_TEXT[action], icon: 'success' });
    },

    onGoodsTap(event: DatasetEvent<{ goodsId?: string }>) {
      const { goodsId } = event.currentTarget.dataset;
      if (goodsId) void wx.navigateTo({ url: ROUTES.goodsDetail(goodsId) });
    },

    /** 申请售后 for one line (or the whole order without a line). */
    onAfterSale(event: DatasetEvent<{ line?: number | string }>) {
      const { order } = this.data;
      if (!order) return;
      const line = event.currentTarget.dataset.line;
      void wx.navigateTo({ url: AFTER_SALE_ROUTES.apply(order.id, line === undefined || line === '' ? undefined : Number(line)) });
    },

    onReview() {
      const { order } = this.data;
      if (order) void wx.navigateTo({ url: AFTER_SALE_ROUTES.review(order.id) });
    },

    onGoHome() {
      void wx.switchTab({ url: TAB_URLS.home });
    },
  },
});
