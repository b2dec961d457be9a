/**
 * The SKU picker of the goods page, in a bottom popup: spec buttons (a value no SKU in stock has
 * with the other picks is greyed out and cannot be picked; see shared/sku-matrix.ts), the picked
 * SKU's price and stock, and a quantity stepper.
 *
 * Events: `change` {summary} whenever the picks change, `confirm` {action: 'cart' | 'buy',
 * skuId, quantity}, `close`.
 */
import type { SpecDimension } from '../../../../services/contracts';
import type { DatasetEvent, DetailEvent } from '../../../../shared/events';
import { initialSelection, selectedSku, specStates, toggleSpec, type SpecDimensionState, type SpecSelection } from '../../../../shared/sku-matrix';
import { selectionSummary, type SkuOption } from '../view-model';

export type PickerMode = 'choose' | 'cart' | 'buy';

/** The SKU list each picker last reset for: a parent re-render that passes the same list keeps the picks. */
const resetFor = new WeakMap<object, string>();

Component({
  options: { addGlobalClass: true },

  properties: {
    visible: { type: Boolean, value: false },
    /** choose: both buttons; cart / buy: the one the shopper tapped on the page. */
    mode: { type: String, value: 'choose' },
    specs: { type: Array, value: [] },
    skus: { type: Array, value: [] },
    coverUrl: { type: String, value: '' },
    /** Shown until a SKU is picked. */
    priceText: { type: String, value: '' },
  },

  data: {
    dimensions: [] as SpecDimensionState[],
    selection: {} as SpecSelection,
    sku: null as SkuOption | null,
    quantity: 1,
    summary: '',
  },

  observers: {
    'specs, skus'() {
      const signature = JSON.stringify([this.data.specs, this.skuOptions().map((sku) => [sku.id, sku.stock])]);
      if (resetFor.get(this) === signature) return;
      resetFor.set(this, signature);
      this.update(initialSelection(this.skuOptions()), 1);
    },
  },

  methods: {
    skuOptions(): SkuOption[] {
      return this.data.skus as SkuOption[];
    },

    specList(): SpecDimension[] {
      return this.data.specs as SpecDimension[];
    },

    update(selection: SpecSelection, wantedQuantity: number) {
      const specs = this.specList();
      const skus = this.skuOptions();
      const sku = selectedSku(specs, skus, selection);
      const quantity = sku ? Math.max(1, Math.min(wantedQuantity, sku.stock)) : wantedQuantity;
      const summary = selectionSummary(specs, selection, sku, quantity);
      const changed = summary !== this.data.summary;
      this.setData({ dimensions: specStates(specs, skus, selection), selection, sku, quantity, summary });
      if (changed) this.triggerEvent('change', { summary });
    },

    onValueTap(event: DatasetEvent<{ dimension?: string; value?: string; disabled?: boolean }>) {
      const { dimension, value, disabled } = event.currentTarget.dataset;
      if (dimension === undefined || value === undefined || disabled) return;
      this.update(toggleSpec(this.data.selection, dimension, value), this.data.quantity);
    },

    onQuantityChange(event: DetailEvent<{ value: number | string }>) {
      this.update(this.data.selection, Number(event.detail.value) || 1);
    },

    onClose() {
      this.triggerEvent('close');
    },

    onVisibleChange(event: DetailEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.triggerEvent('close');
    },

    onConfirm(event: DatasetEvent<{ action?: 'cart' | 'buy' }>) {
      const { action } = event.currentTarget.dataset;
      const { sku, quantity, summary } = this.data;
      if (!action) return;
      if (!sku) {
        void wx.showToast({ title: summary, icon: 'none' });
        return;
      }
      this.triggerEvent('confirm', { action, skuId: sku.id, quantity });
    },
  },
});
