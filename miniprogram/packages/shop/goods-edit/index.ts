import type { ShopGoodsDetail } from '../../../services/contracts';
import { GOODS_LIMITS } from '../../../services/contracts';
import { fetchCategories } from '../../../services/catalog';
import { fetchShopGoods, saveShopGoods } from '../../../services/shop';
import { chooseImages, uploadImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { categoryOptions, type CascaderOption } from './category-options';
import { emptyForm, formOf, regenerateRows, specValueProblem, toGoodsInput, type GoodsForm, type SkuRow } from './goods-form';

type RowField = 'price' | 'stock' | 'code' | 'threshold';
const ROW_FIELDS: RowField[] = ['price', 'stock', 'code', 'threshold'];

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    goodsId: '',
    form: emptyForm() as GoodsForm,
    categories: [] as CascaderOption[],
    pickerVisible: false,
    uploading: false,
    saving: false,
    batchPrice: '',
    batchStock: '',
    limits: GOODS_LIMITS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const goodsId = query.goodsId ?? '';
      this.setData({ shopId: query.shopId ?? '', goodsId });
      void wx.setNavigationBarTitle({ title: goodsId ? '编辑商品' : '发布商品' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.navigateBack();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', errorMessage: '' });
      const { shopId, goodsId } = this.data;
      const [tree, goods] = await Promise.all([fetchCategories(), goodsId ? fetchShopGoods(shopId, goodsId) : Promise.resolve(null)]);
      if (goods && !goods.ok) {
        if (goods.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else this.setData({ status: 'error', errorMessage: goods.error.message });
        return;
      }
      if (!tree.ok) {
        this.setData({ status: 'error', errorMessage: tree.error.message });
        return;
      }
      const form = goods ? formOf(goods.data as ShopGoodsDetail) : emptyForm();
      this.setData({ status: 'ready', categories: categoryOptions(tree.data.categories), form });
    },

    onTitleChange(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.title': e.detail.value });
    },

    onSubtitleChange(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.subtitle': e.detail.value });
    },

    onShelfChange(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.onShelf': e.detail.value });
    },

    // images

    async onAddImages(): Promise<void> {
      const room = GOODS_LIMITS.imagesMax - this.data.form.images.length;
      if (room <= 0 || this.data.uploading) return;
      const filePaths = await chooseImages({ count: room });
      if (!filePaths.length) return;
      this.setData({ uploading: true });
      for (const filePath of filePaths) {
        const result = await uploadImage(filePath, `shops/${this.data.shopId}/goods`);
        if (!result.ok) {
          void wx.showToast({ title: result.error.message, icon: 'none' });
          break;
        }
        this.setData({ 'form.images': [...this.data.form.images, result.data] });
      }
      this.setData({ uploading: false });
    },

    onRemoveImage(e: DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ 'form.images': this.data.form.images.filter((_, i) => i !== index) });
    },

    /** A tap on a picture makes it the cover (first). */
    onMakeCover(e: DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const images = [...this.data.form.images];
      const [picked] = images.splice(index, 1);
      if (picked) this.setData({ 'form.images': [picked, ...images] });
    },

    // category

    onPickCategory() {
      this.setData({ pickerVisible: true });
    },

    onCategoryClose() {
      this.setData({ pickerVisible: false });
    },

    onCategoryChange(e: DetailEvent<{ value: string; selectedOptions: Array<{ label: string }> }>) {
      const { value, selectedOptions } = e.detail;
      this.setData({ 'form.categoryId': value, 'form.categoryText': selectedOptions.map((o) => o.label).join(' / '), pickerVisible: false });
    },

    // specs

    setSpecs(specs: GoodsForm['specs']) {
      this.setData({ 'form.specs': specs, 'form.rows': regenerateRows(specs, this.data.form.rows) });
    },

    onAddSpec() {
      const { specs } = this.data.form;
      if (specs.length >= GOODS_LIMITS.specsMax) return;
      this.setData({ 'form.specs': [...specs, { name: '', values: [], input: '' }] });
    },

    onRemoveSpec(e: DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      this.setSpecs(this.data.form.specs.filter((_, i) => i !== index));
    },

    onSpecNameChange(e: DetailEvent<{ value: string }> & DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const specs = this.data.form.specs.map((s, i) => (i === index ? { ...s, name: e.detail.value.trim().slice(0, GOODS_LIMITS.specNameMax) } : s));
      this.setSpecs(specs);
    },

    onSpecInput(e: DetailEvent<{ value: string }> & DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      this.setData({ [`form.specs[${index}].input`]: e.detail.value });
    },

    onAddSpecValue(e: DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const spec = this.data.form.specs[index];
      if (!spec) return;
      const value = spec.input.trim();
      const problem = specValueProblem(spec, value);
      if (problem) {
        void wx.showToast({ title: problem, icon: 'none' });
        return;
      }
      this.setSpecs(this.data.form.specs.map((s, i) => (i === index ? { ...s, values: [...s.values, value], input: '' } : s)));
    },

    onRemoveSpecValue(e: DatasetEvent<{ index?: number; value?: string }>) {
      const { index, value } = e.currentTarget.dataset;
      this.setSpecs(this.data.form.specs.map((s, i) => (i === Number(index) ? { ...s, values: s.values.filter((v) => v !== value) } : s)));
    },

    // SKU rows

    onRowChange(e: DetailEvent<{ value: string }> & DatasetEvent<{ index?: number; field?: string }>) {
      const { index, field } = e.currentTarget.dataset;
      if (!ROW_FIELDS.includes(field as RowField)) return;
      this.setData({ [`form.rows[${Number(index)}].${field}`]: e.detail.value });
    },

    onToggleRow(e: DatasetEvent<{ index?: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const row = this.data.form.rows[index];
      if (row) this.setData({ [`form.rows[${index}].enabled`]: !row.enabled });
    },

    onBatchPrice(e: DetailEvent<{ value: string }>) {
      this.setData({ batchPrice: e.detail.value });
    },

    onBatchStock(e: DetailEvent<{ value: string }>) {
      this.setData({ batchStock: e.detail.value });
    },

    onApplyBatch() {
      const { batchPrice, batchStock } = this.data;
      const rows: SkuRow[] = this.data.form.rows.map((r) => (!r.enabled ? r : { ...r, ...(batchPrice.trim() ? { price: batchPrice.trim() } : {}), ...(batchStock.trim() ? { stock: batchStock.trim() } : {}) }));
      this.setData({ 'form.rows': rows });
    },

    async onSave(): Promise<void> {
      if (this.data.saving || this.data.uploading) return;
      const { form, shopId, goodsId } = this.data;
      const built = toGoodsInput(form, shopId, goodsId);
      if ('problem' in built) {
        void wx.showToast({ title: built.problem, icon: 'none' });
        return;
      }
      this.setData({ saving: true });
      const result = await saveShopGoods(built.input);
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        // stock sold or specs changed meanwhile: show the live figures
        if (result.error.code === 'CONFLICT' && goodsId) void this.load();
        return;
      }
      void wx.showToast({ title: '已保存', icon: 'success' });
      void wx.navigateBack();
    },
  },
});
