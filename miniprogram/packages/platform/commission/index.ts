import { fetchCategories } from '../../../services/catalog';
import { fetchCommissionRates, saveCommissionRates } from '../../../services/finance';
import type { CommissionRatesView } from '../../../services/contracts';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { bpsToPercentText, type CategoryOption, categoryOptions, percentTextToBps, rateRows, type RateRow } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    configured: false,
    defaultText: '',
    rows: [] as RateRow[],
    options: [] as CategoryOption[],
    /** Categories without a rate of their own, for the picker. */
    choices: [] as CategoryOption[],
    saving: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading', errorMessage: '' });
      const [rates, tree] = await Promise.all([fetchCommissionRates(), fetchCategories()]);
      if (!rates.ok || !tree.ok) {
        const message = !rates.ok ? rates.error.message : !tree.ok ? tree.error.message : '';
        if (this.data.status === 'ready') void wx.showToast({ title: message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: message });
        return;
      }
      const options = categoryOptions(tree.data.categories);
      this.setData({ options });
      this.show(rates.data);
    },

    show(rates: CommissionRatesView) {
      const rows = rateRows(rates, this.data.options);
      this.setData({ status: 'ready', configured: rates.configured, defaultText: bpsToPercentText(rates.defaultBps), rows, choices: this.choicesFor(rows) });
    },

    choicesFor(rows: RateRow[]): CategoryOption[] {
      const taken = new Set(rows.map((r) => r.categoryId));
      return this.data.options.filter((o) => !taken.has(o.id));
    },

    onDefaultInput(event: DetailEvent<{ value: string }>) {
      this.setData({ defaultText: event.detail.value });
    },

    onRateInput(event: DetailEvent<{ value: string }> & DatasetEvent<{ index?: number }>) {
      const { index } = event.currentTarget.dataset;
      if (typeof index === 'number') this.setData({ [`rows[${index}].text`]: event.detail.value });
    },

    onPickCategory(event: DetailEvent<{ value: string | number }>) {
      const choice = this.data.choices[Number(event.detail.value)];
      if (!choice) return;
      const rows = [...this.data.rows, { categoryId: choice.id, name: choice.label, text: this.data.defaultText }];
      this.setData({ rows, choices: this.choicesFor(rows) });
    },

    onRemoveRate(event: DatasetEvent<{ index?: number }>) {
      const { index } = event.currentTarget.dataset;
      if (typeof index !== 'number') return;
      const rows = this.data.rows.filter((_r, i) => i !== index);
      this.setData({ rows, choices: this.choicesFor(rows) });
    },

    async onSave(): Promise<void> {
      if (this.data.saving) return;
      const defaultBps = percentTextToBps(this.data.defaultText);
      if (defaultBps === null) {
        void wx.showToast({ title: '默认佣金比例应为 0–100 之间的数字，最多两位小数', icon: 'none' });
        return;
      }
      const categories: Array<{ categoryId: string; bps: number }> = [];
      for (const row of this.data.rows) {
        const bps = percentTextToBps(row.text);
        if (bps === null) {
          void wx.showToast({ title: `「${row.name}」的比例应为 0–100 之间的数字`, icon: 'none' });
          return;
        }
        categories.push({ categoryId: row.categoryId, bps });
      }
      this.setData({ saving: true });
      const result = await saveCommissionRates({ defaultBps, categories });
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.show(result.data);
      void wx.showToast({ title: '已保存，对之后支付的订单生效', icon: 'none' });
    },
  },
});
