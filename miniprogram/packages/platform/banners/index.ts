import { type AdminBanner, PLATFORM_LIMITS } from '../../../services/contracts';
import { deleteBanner, fetchAdminBanners, saveBanner } from '../../../services/platform';
import { chooseImages, uploadImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { type BannerForm, bannerRow, type BannerRow, EMPTY_BANNER_FORM, formOf, LINK_TYPES, toBannerInput } from './view-model';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    rows: [] as BannerRow[],
    editorVisible: false,
    form: EMPTY_BANNER_FORM,
    linkTypes: LINK_TYPES,
    uploading: false,
    saving: false,
    titleMax: PLATFORM_LIMITS.bannerTitleMax,
    homeBanners: PLATFORM_LIMITS.homeBanners,
    /** The banners as loaded, to fill the editor. */
    banners: [] as AdminBanner[],
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
      this.onAdd();
    },

    async load(): Promise<void> {
      const keep = this.data.status === 'ready' || this.data.status === 'empty';
      if (!keep) this.setData({ status: 'loading', errorMessage: '' });
      const result = await fetchAdminBanners();
      if (!result.ok) {
        if (keep) void wx.showToast({ title: result.error.message, icon: 'none' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const { banners } = result.data;
      this.setData({ status: banners.length ? 'ready' : 'empty', banners, rows: banners.map(bannerRow) });
    },

    onAdd() {
      this.setData({ editorVisible: true, form: { ...EMPTY_BANNER_FORM } });
    },

    onEdit(event: DatasetEvent<{ id?: string }>) {
      const banner = this.data.banners.find((b) => b.id === event.currentTarget.dataset.id);
      if (banner) this.setData({ editorVisible: true, form: formOf(banner) });
    },

    onFieldInput(event: DetailEvent<{ value: string }> & DatasetEvent<{ field?: string }>) {
      const { field } = event.currentTarget.dataset;
      if (field === 'title' || field === 'linkValue' || field === 'sort') this.setData({ [`form.${field}`]: event.detail.value });
    },

    onLinkTypeChange(event: DetailEvent<{ value: string | number }>) {
      const index = Number(event.detail.value);
      if (Number.isInteger(index) && index >= 0 && index < LINK_TYPES.length) this.setData({ 'form.linkIndex': index, 'form.linkValue': '' });
    },

    onActiveChange(event: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.active': !!event.detail.value });
    },

    async onPickImage(): Promise<void> {
      if (this.data.uploading) return;
      const [filePath] = await chooseImages({ count: 1 });
      if (!filePath) return;
      this.setData({ uploading: true });
      const result = await uploadImage(filePath, 'platform/banners');
      this.setData({ uploading: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ 'form.imageUrl': result.data });
    },

    onEditorCancel() {
      this.setData({ editorVisible: false });
    },

    async onEditorConfirm(): Promise<void> {
      if (this.data.saving || this.data.uploading) return;
      const built = toBannerInput(this.data.form as BannerForm);
      if ('problem' in built) {
        void wx.showToast({ title: built.problem, icon: 'none' });
        return;
      }
      this.setData({ saving: true });
      const result = await saveBanner(built.input);
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ editorVisible: false });
      void wx.showToast({ title: '已保存', icon: 'success' });
      await this.load();
    },

    async onDelete(): Promise<void> {
      const { id, title } = this.data.form;
      if (!id || this.data.saving) return;
      const { confirm } = await wx.showModal({ title: '删除轮播图', content: `确认删除「${title}」？`, confirmText: '删除' });
      if (!confirm) return;
      this.setData({ saving: true });
      const result = await deleteBanner(id);
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ editorVisible: false });
      void wx.showToast({ title: '已删除', icon: 'success' });
      await this.load();
    },
  },
});
