/**
 * One of the shopper's after-sale requests: progress steps, amounts, the shop's answer, the return
 * shipping form while the shop waits for the goods, and cancelling while that is still possible.
 */
import { cancelAfterSale, fetchAfterSale, submitReturn } from '../../../services/aftersale';
import { CARRIERS } from '../../../services/contracts';
import { toAfterSaleDetail, type AfterSaleDetailView } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { ROUTES } from '../../../shared/routes';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    id: '',
    item: null as AfterSaleDetailView | null,
    carriers: [...CARRIERS] as string[],
    carrierIndex: -1,
    trackingNo: '',
    dialogVisible: false,
    acting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    async load(quiet = false): Promise<void> {
      const { id } = this.data;
      if (!id) return void this.setData({ status: 'empty' });
      if (!quiet) this.setData({ status: 'loading' });
      const result = await fetchAfterSale(id);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else if (quiet) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.setData({ status: 'ready', errorMessage: '', item: toAfterSaleDetail(result.data) });
    },

    onCarrierChange(event: DetailEvent<{ value: string | number }>) {
      this.setData({ carrierIndex: Number(event.detail.value) });
    },

    onTrackingInput(event: DetailEvent<{ value: string }>) {
      this.setData({ trackingNo: event.detail.value });
    },

    async onSubmitReturn(): Promise<void> {
      const { id, carriers, carrierIndex, trackingNo, acting } = this.data;
      if (acting) return;
      const carrier = carriers[carrierIndex];
      if (!carrier) return void wx.showToast({ title: '请选择快递公司', icon: 'none' });
      if (!/^[A-Za-z0-9-]{4,32}$/.test(trackingNo.trim())) return void wx.showToast({ title: '请填写正确的运单号', icon: 'none' });
      this.setData({ acting: true });
      const result = await submitReturn(id, carrier, trackingNo.trim());
      this.setData({ acting: false });
      if (!result.ok) return void wx.showToast({ title: result.error.message, icon: 'none' });
      this.setData({ item: toAfterSaleDetail(result.data) });
      void wx.showToast({ title: '已提交退货物流', icon: 'success' });
    },

    onAskCancel() {
      this.setData({ dialogVisible: true });
    },

    onDialogCancel() {
      this.setData({ dialogVisible: false });
    },

    async onDialogConfirm(): Promise<void> {
      this.setData({ dialogVisible: false, acting: true });
      const result = await cancelAfterSale(this.data.id);
      this.setData({ acting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return void this.load(true);
      }
      this.setData({ item: toAfterSaleDetail(result.data) });
      void wx.showToast({ title: '已撤销申请', icon: 'success' });
    },

    onPhotoTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      if (url) void wx.previewImage({ current: url, urls: this.data.item?.photos ?? [] });
    },

    onOrderTap() {
      const { item } = this.data;
      if (item) void wx.navigateTo({ url: ROUTES.orderDetail(item.orderId) });
    },
  },
});
