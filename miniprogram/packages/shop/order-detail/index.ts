/**
 * One order of the shop: status, buyer and address (for shipping), lines and amounts, the ship
 * form (carrier picker and tracking number) while it waits to ship, the shop's note, and links to
 * its after-sale requests.
 */
import { CARRIERS, type ShopOrderDetail } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { fetchShopOrder, noteOrder, shipOrder } from '../../../services/shoporder';
import { fullAddress } from '../../../shared/address-text';
import { AFTER_SALE_ROUTES, AFTER_SALE_STATUS_TEXT, AFTER_SALE_TYPE_TEXT } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import { ORDER_STATUS_TEXT } from '../../../shared/order-text';
import { toOrderLineView } from '../../../shared/order-view';
import type { PageStatus } from '../../../shared/page-status';
import { formatDateTime } from '../../../shared/time-text';

function toView(o: ShopOrderDetail) {
  return {
    id: o.id,
    statusText: ORDER_STATUS_TEXT[o.status],
    buyerText: `${o.address.name} ${o.address.phone}`,
    addressText: fullAddress(o.address),
    lines: o.lines.map((line, i) => ({ ...toOrderLineView(line, i), refundText: o.lineRefunds[i]?.quantity ? `已退款 ${o.lineRefunds[i]!.quantity} 件` : '' })),
    goodsText: formatFen(o.goodsFen),
    shippingText: o.shippingFen ? formatFen(o.shippingFen) : '包邮',
    discountText: `-${formatFen(o.discountFen)}`,
    payText: formatFen(o.payFen),
    remark: o.remark,
    createdText: formatDateTime(o.createdAt),
    logisticsText: o.logistics ? `${o.logistics.carrier} ${o.logistics.trackingNo}` : '',
    shippedText: o.shippedAt ? formatDateTime(o.shippedAt) : '',
    canShip: o.actions.includes('ship'),
    afterSales: o.afterSales.map((a) => ({ id: a.id, text: `${AFTER_SALE_TYPE_TEXT[a.type]} ${formatFen(a.amountFen)}`, statusText: AFTER_SALE_STATUS_TEXT[a.status as keyof typeof AFTER_SALE_STATUS_TEXT] ?? a.status })),
  };
}

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    orderId: '',
    order: null as ReturnType<typeof toView> | null,
    carriers: [...CARRIERS] as string[],
    carrierIndex: -1,
    trackingNo: '',
    note: '',
    acting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '', orderId: query.orderId ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    async load(quiet = false): Promise<void> {
      const { shopId, orderId } = this.data;
      if (!shopId || !orderId) {
        this.setData({ status: 'empty' });
        return;
      }
      if (!quiet) this.setData({ status: 'loading' });
      const result = await fetchShopOrder(shopId, orderId);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else if (quiet) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.show(result.data);
    },

    show(order: ShopOrderDetail) {
      this.setData({ status: 'ready', errorMessage: '', order: toView(order), note: order.merchantNote });
    },

    onCarrierChange(event: DetailEvent<{ value: string | number }>) {
      this.setData({ carrierIndex: Number(event.detail.value) });
    },

    onTrackingInput(event: DetailEvent<{ value: string }>) {
      this.setData({ trackingNo: event.detail.value });
    },

    onNoteInput(event: DetailEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },

    async onShip(): Promise<void> {
      const { shopId, orderId, carriers, carrierIndex, trackingNo, acting } = this.data;
      if (acting) return;
      const carrier = carriers[carrierIndex];
      if (!carrier) return void wx.showToast({ title: '请选择快递公司', icon: 'none' });
      if (!/^[A-Za-z0-9-]{4,32}$/.test(trackingNo.trim())) return void wx.showToast({ title: '请填写正确的运单号', icon: 'none' });
      this.setData({ acting: true });
      const result = await shipOrder(shopId, orderId, carrier, trackingNo.trim());
      this.setData({ acting: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        if (result.error.code === 'ORDER_STATE_INVALID') void this.load(true);
        return;
      }
      this.show(result.data);
      void wx.showToast({ title: '已发货', icon: 'success' });
    },

    async onSaveNote(): Promise<void> {
      const { shopId, orderId, note, acting } = this.data;
      if (acting) return;
      this.setData({ acting: true });
      const result = await noteOrder(shopId, orderId, note);
      this.setData({ acting: false });
      if (!result.ok) return void wx.showToast({ title: result.error.message, icon: 'none' });
      this.show(result.data);
      void wx.showToast({ title: '备注已保存', icon: 'success' });
    },

    onAfterSaleTap(event: DatasetEvent<{ id?: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: AFTER_SALE_ROUTES.shopAfterSaleDetail(this.data.shopId, id) });
    },
  },
});
