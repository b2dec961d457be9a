import { PLATFORM_LIMITS } from '../../../services/contracts';
import { deleteCategory, fetchAdminCategories, saveCategory, setCategoryStatus } from '../../../services/platform';
import { chooseImages, uploadImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { type CategoryForm, type CategoryRow, flattenTree, type ParentOption, parentOptions, parseSort } from './view-model';

const EMPTY_FORM: CategoryForm = { id: '', name: '', sort: '0', iconUrl: '', parentIndex: 0 };

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    rows: [] as CategoryRow[],
    busyId: '',
    editorVisible: false,
    editorTitle: '',
    form: EMPTY_FORM,
    parents: [] as ParentOption[],
    uploading: false,
    saving: false,
    nameMax: PLATFORM_LIMITS.categoryNameMax,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onEmptyAction() {
      this.openEditor(null);
    },

    async load(): Promise<void> {
      const keep = this.data.status === 'ready' || this.data.status === 'empty';
      if (!keep) this.setData({ status: 'loading', errorMessage: '' });
      const result = await fetchAdminCategories();
      if (!result.ok) {
        if (keep) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const rows = flattenTree(result.data.categories);
      this.setData({ status: rows.length ? 'ready' : 'empty', rows });
    },

    row(id: string | undefined): CategoryRow | undefined {
      return id ? this.data.rows.find((r) => r.id === id) : undefined;
    },

    onAddTop() {
      this.openEditor(null);
    },

    onAddChild(event: DatasetEvent<{ id?: string }>) {
      const parent = this.row(event.currentTarget.dataset.id);
      if (parent) this.openEditor(null, parent.id);
    },

    onEdit(event: DatasetEvent<{ id?: string }>) {
      const row = this.row(event.currentTarget.dataset.id);
      if (row) this.openEditor(row);
    },

    openEditor(row: CategoryRow | null, parentId: string | null = null) {
      const parents = parentOptions(this.data.rows, row?.id);
      const wanted = row ? row.parentId : parentId;
      const parentIndex = Math.max(0, parents.findIndex((p) => p.id === wanted));
      const form: CategoryForm = row ? { id: row.id, name: row.name, sort: String(row.sort), iconUrl: row.iconUrl, parentIndex } : { ...EMPTY_FORM, parentIndex };
      this.setData({ editorVisible: true, editorTitle: row ? '编辑分类' : '新增分类', form, parents });
    },

    onNameInput(event: DetailEvent<{ value: string }>) {
      this.setData({ 'form.name': event.detail.value });
    },

    onSortInput(event: DetailEvent<{ value: string }>) {
      this.setData({ 'form.sort': event.detail.value });
    },

    onParentChange(event: DetailEvent<{ value: string | number }>) {
      const index = Number(event.detail.value);
      if (Number.isInteger(index) && index >= 0 && index < this.data.parents.length) this.setData({ 'form.parentIndex': index });
    },

    async onPickIcon(): Promise<void> {
      if (this.data.uploading) return;
      const [filePath] = await chooseImages({ count: 1 });
      if (!filePath) return;
      this.setData({ uploading: true });
      const result = await uploadImage(filePath, 'platform/categories');
      this.setData({ uploading: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ 'form.iconUrl': result.data });
    },

    onClearIcon() {
      this.setData({ 'form.iconUrl': '' });
    },

    onEditorCancel() {
      this.setData({ editorVisible: false });
    },

    async onEditorConfirm(): Promise<void> {
      if (this.data.saving) return;
      const { form, parents } = this.data;
      const name = form.name.trim();
      const sort = parseSort(form.sort);
      if (!name) {
        void wx.showToast({ title: '请填写分类名称', icon: 'none' });
        return;
      }
      if (sort === null) {
        void wx.showToast({ title: '排序请填写 -9999 到 9999 的整数', icon: 'none' });
        return;
      }
      const parentId = parents[form.parentIndex]?.id ?? null;
      this.setData({ saving: true });
      const result = await saveCategory({ ...(form.id ? { id: form.id } : {}), name, parentId, sort, iconUrl: form.iconUrl });
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ editorVisible: false });
      void wx.showToast({ title: form.id ? '已保存' : '已新增', icon: 'success' });
      await this.load();
    },

    async onToggleStatus(event: DatasetEvent<{ id?: string }>): Promise<void> {
      const row = this.row(event.currentTarget.dataset.id);
      if (!row || this.data.busyId) return;
      this.setData({ busyId: row.id });
      const result = await setCategoryStatus(row.id, row.hidden ? 'active' : 'hidden');
      this.setData({ busyId: '' });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: result.data.status === 'hidden' ? '已隐藏，顾客看不到该分类及其子分类' : '已显示', icon: 'none' });
      await this.load();
    },

    async onDelete(event: DatasetEvent<{ id?: string }>): Promise<void> {
      const row = this.row(event.currentTarget.dataset.id);
      if (!row || this.data.busyId) return;
      const { confirm } = await wx.showModal({ title: '删除分类', content: `确认删除「${row.name}」？只有没有子分类和商品的分类可以删除。`, confirmText: '删除' });
      if (!confirm) return;
      this.setData({ busyId: row.id });
      const result = await deleteCategory(row.id);
      this.setData({ busyId: '' });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: '已删除', icon: 'success' });
      await this.load();
    },
  },
});
