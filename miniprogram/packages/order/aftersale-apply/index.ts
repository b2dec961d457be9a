/**
 * Asking for an after-sale: pick lines (each with a quantity and an amount up to what the server
 * says is left), the type the order allows now, a reason, a description and up to 9 photos.
 * The amounts shown are the server's maxima; the server checks them again.
 */
import { applyAfterSale, fetchRefundable } from '../../../services/aftersale';
import { AFTER_SALE_REASONS, type AfterSaleType, type RefundableView } from '../../../services/contracts';
import { formatFen, formatYuan, parseYuanToFen } from '../../../services/format';
import { chooseImages, uploadPrivateImage } from '../../../services/upload';
import { AFTER_SALE_ROUTES, AFTER_SALE_TYPE_TEXT } from '../../../shared/aftersale-text';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';

interface LineForm {
  lineIndex: number;
  title: string;
  specText: string;
  coverUrl: string;
  selected: boolean;
  disabled: boolean;
  hint: string;
  quantity: number;
  maxQuantity: number;
  amountText: string;
  maxText: string;
}

function maxFor(line: RefundableView['lines'][number], quantity: number): number {
  return quantity >= line.maxQuantity ? line.maxFen : Math.min(line.maxFen, Math.round((line.maxFen * quantity) / line.maxQuantity));
}

const MAX_PHOTOS = 9;

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    orderId: '',
    refundable: null as RefundableView | null,
    lines: [] as LineForm[],
    types: [] as Array<{ value: AfterSaleType; label: string }>,
    type: 'refund_only' as AfterSaleType,
    reasons: [...AFTER_SALE_REASONS] as string[],
    reasonIndex: -1,
    description: '',
    photos: [] as string[],
    totalText: '¥0.00',
    submitting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ orderId: query.orderId ?? '' });
      void this.load(query.line === undefined ? undefined : Number(query.line));
    },

    onRetry() {
      void this.load();
    },

    async load(preselect?: number): Promise<void> {
      const { orderId } = this.data;
      if (!orderId) return void this.setData({ status: 'empty' });
      this.setData({ status: 'loading' });
      const result = await fetchRefundable(orderId);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const r = result.data;
      const lines: LineForm[] = r.lines.map((l) => {
        const disabled = l.busy || l.maxQuantity === 0;
        return {
          lineIndex: l.lineIndex,
          title: l.title,
          specText: l.specText,
          coverUrl: l.coverUrl,
          selected: !disabled && (preselect === undefined ? r.lines.length === 1 : preselect === l.lineIndex),
          disabled,
          hint: l.busy ? '售后处理中' : l.maxQuantity === 0 ? '已全部退款' : '',
          quantity: l.maxQuantity,
          maxQuantity: l.maxQuantity,
          amountText: formatYuan(l.maxFen),
          maxText: formatFen(l.maxFen),
        };
      });
      const types = r.types.map((value) => ({ value, label: AFTER_SALE_TYPE_TEXT[value] }));
      this.setData({ status: r.types.length && lines.some((l) => !l.disabled) ? 'ready' : 'empty', refundable: r, lines, types, type: r.types[0] ?? 'refund_only' });
      this.updateTotal();
    },

    updateTotal() {
      const total = this.data.lines.filter((l) => l.selected).reduce((s, l) => s + (parseYuanToFen(l.amountText) ?? 0), 0);
      this.setData({ totalText: formatFen(total) });
    },

    onToggleLine(event: DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const line = this.data.lines[index];
      if (!line || line.disabled) return;
      this.setData({ [`lines[${index}].selected`]: !line.selected });
      this.updateTotal();
    },

    onQuantityChange(event: DatasetEvent<{ index?: number }> & { detail: { value: number } }) {
      const index = Number(event.currentTarget.dataset.index);
      const source = this.data.refundable?.lines[index];
      if (!source) return;
      const quantity = Math.max(1, Math.min(source.maxQuantity, Number(event.detail.value)));
      const max = maxFor(source, quantity);
      this.setData({ [`lines[${index}].quantity`]: quantity, [`lines[${index}].amountText`]: formatYuan(max), [`lines[${index}].maxText`]: formatFen(max) });
      this.updateTotal();
    },

    onAmountInput(event: DatasetEvent<{ index?: number }> & { detail: { value: string } }) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ [`lines[${index}].amountText`]: event.detail.value });
      this.updateTotal();
    },

    onTypeTap(event: DatasetEvent<{ value?: AfterSaleType }>) {
      const { value } = event.currentTarget.dataset;
      if (value) this.setData({ type: value });
    },

    onReasonChange(event: DetailEvent<{ value: string | number }>) {
      this.setData({ reasonIndex: Number(event.detail.value) });
    },

    onDescriptionInput(event: DetailEvent<{ value: string }>) {
      this.setData({ description: event.detail.value });
    },

    async onAddPhoto(): Promise<void> {
      const left = MAX_PHOTOS - this.data.photos.length;
      if (left <= 0) return;
      for (const filePath of await chooseImages({ count: left, camera: true, compressed: false })) {
        const uploaded = await uploadPrivateImage(filePath, 'aftersale');
        if (!uploaded.ok) return void wx.showToast({ title: uploaded.error.message, icon: 'none' });
        this.setData({ photos: [...this.data.photos, uploaded.data] });
      }
    },

    onRemovePhoto(event: DatasetEvent<{ index?: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== index) });
    },

    async onSubmit(): Promise<void> {
      const { lines, type, reasons, reasonIndex, description, photos, orderId, submitting } = this.data;
      if (submitting) return;
      const chosen = lines.filter((l) => l.selected);
      if (!chosen.length) return void wx.showToast({ title: '请选择要售后的商品', icon: 'none' });
      const reason = reasons[reasonIndex];
      if (!reason) return void wx.showToast({ title: '请选择申请原因', icon: 'none' });
      const payload = [];
      for (const l of chosen) {
        const amountFen = parseYuanToFen(l.amountText);
        if (amountFen === null) return void wx.showToast({ title: '请填写正确的退款金额', icon: 'none' });
        payload.push({ lineIndex: l.lineIndex, quantity: l.quantity, amountFen });
      }
      this.setData({ submitting: true });
      const result = await applyAfterSale({ orderId, type, lines: payload, reason, description: description.trim(), photos });
      this.setData({ submitting: false });
      if (!result.ok) return void wx.showToast({ title: result.error.message, icon: 'none' });
      void wx.showToast({ title: '申请已提交', icon: 'success' });
      void wx.redirectTo({ url: AFTER_SALE_ROUTES.detail(result.data.id) });
    },
  },
});
