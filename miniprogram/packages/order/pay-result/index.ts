/**
 * After WeChat Pay: whatever `wx.requestPayment` said, the server is asked (payment.status) whether
 * the payment went through. Unpaid: pay again or look at the orders.
 */
import type { OrderListFilter } from '../../../services/contracts';
import { fetchPaymentStatus, payForPayment } from '../../../services/payment';
import type { PageStatus } from '../../../shared/page-status';
import { ROUTES, TAB_URLS } from '../../../shared/routes';
import { toPayResultView, type PayResultView } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    paymentId: '',
    orderIds: [] as string[],
    result: null as PayResultView | null,
    paying: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ paymentId: query.paymentId ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.switchTab({ url: TAB_URLS.home });
    },

    async load(): Promise<void> {
      const { paymentId } = this.data;
      if (!paymentId) {
        this.setData({ status: 'empty' });
        return;
      }
      this.setData({ status: 'loading' });
      const result = await fetchPaymentStatus(paymentId);
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.setData({ status: 'ready', errorMessage: '', orderIds: result.data.orderIds, result: toPayResultView(result.data) });
    },

    async onPayAgain(): Promise<void> {
      if (this.data.paying) return;
      this.setData({ paying: true });
      const outcome = await payForPayment(this.data.paymentId);
      this.setData({ paying: false });
      if (outcome.kind === 'error') {
        void wx.showToast({ title: outcome.error.message, icon: 'none' });
        return;
      }
      await this.load();
    },

    /** One order: its detail; several (one per shop): the list. */
    onViewOrders() {
      const { orderIds, result } = this.data;
      const [onlyOrder] = orderIds;
      const filter: OrderListFilter = result?.payable ? 'pending_payment' : 'all';
      const url = orderIds.length === 1 && onlyOrder ? ROUTES.orderDetail(onlyOrder) : ROUTES.orderList(filter);
      void wx.redirectTo({ url });
    },

    onGoHome() {
      void wx.switchTab({ url: TAB_URLS.home });
    },
  },
});
