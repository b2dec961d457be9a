/**
 * One after-sale request for the shop: lines and amounts, the shopper's reason and photos, the
 * return parcel, and what the shop may do now: approve (with an optional note such as the return
 * address), reject with a reason, or confirm the returned goods arrived.
 */
import { approveAfterSale, confirmAfterSaleReturn, fetchShopAfterSale, rejectAfterSale } from '../../../services/aftersale';
import type { AfterSaleView, Result } from '../../../services/contracts';
import { AFTER_SALE_ROUTES, toAfterSaleDetail, type AfterSaleDetailView } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    id: '',
    item: null as AfterSaleDetailView | null,
    note: '',
    rejectReason: '',
    rejecting: false,
    acting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '', id: query.id ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    async load(quiet = false): Promise<void> {
      const { shopId, id } = this.data;
      if (!shopId || !id) return void this.setData({ status: 'empty' });
      if (!quiet) this.setData({ status: 'loading' });
      const result = await fetchShopAfterSale(shopId, id);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else if (quiet) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.setData({ status: 'ready', errorMessage: '', item: toAfterSaleDetail(result.data) });
    },

    onNoteInput(event: DetailEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },

    onRejectInput(event: DetailEvent<{ value: string }>) {
      this.setData({ rejectReason: event.detail.value });
    },

    onStartReject() {
      this.setData({ rejecting: true });
    },

    onCancelReject() {
      this.setData({ rejecting: false, rejectReason: '' });
    },

    async run(call: () => Promise<Result<AfterSaleView>>, done: string): Promise<void> {
      if (this.data.acting) return;
      this.setData({ acting: true });
      const result = await call();
      this.setData({ acting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        if (result.error.code === 'AFTER_SALE_STATE_INVALID') void this.load(true);
        return;
      }
      this.setData({ item: toAfterSaleDetail(result.data), rejecting: false });
      void wx.showToast({ title: done, icon: 'success' });
    },

    onApprove() {
      const { shopId, id, note } = this.data;
      return this.run(() => approveAfterSale(shopId, id, note.trim()), '已同意');
    },

    onReject() {
      const { shopId, id, rejectReason } = this.data;
      if (!rejectReason.trim()) return void wx.showToast({ title: '请填写拒绝原因', icon: 'none' });
      return this.run(() => rejectAfterSale(shopId, id, rejectReason.trim()), '已拒绝');
    },

    onConfirmReturn() {
      const { shopId, id } = this.data;
      return this.run(() => confirmAfterSaleReturn(shopId, id), '已确认收货并退款');
    },

    onPhotoTap(event: DatasetEvent<{ url?: string }>) {
      const { url } = event.currentTarget.dataset;
      const photos = this.data.item?.photos ?? [];
      if (url) void wx.previewImage({ current: url, urls: photos });
    },

    onOrderTap() {
      const { shopId, item } = this.data;
      if (item) void wx.navigateTo({ url: AFTER_SALE_ROUTES.shopOrderDetail(shopId, item.orderId) });
    },
  },
});
