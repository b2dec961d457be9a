import { SHOP_LIMITS } from '../../../services/contracts';
import { fetchShopSettings, saveShopSettings } from '../../../services/shop';
import { chooseImages, uploadImage } from '../../../services/upload';
import type { DatasetEvent, DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { formOf, toSettingsInput, type SettingsForm } from './settings-form';

type TextField = 'name' | 'announcement' | 'fee' | 'freeThreshold';
const TEXT_FIELDS: TextField[] = ['name', 'announcement', 'fee', 'freeThreshold'];
type ImageField = 'logoUrl' | 'bannerUrl';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    shopId: '',
    form: { name: '', logoUrl: '', announcement: '', bannerUrl: '', fee: '', freeThreshold: '' } as SettingsForm,
    isOwner: false,
    suspended: false,
    uploading: '',
    saving: false,
    limits: SHOP_LIMITS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ shopId: query.shopId ?? '' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', errorMessage: '' });
      const result = await fetchShopSettings(this.data.shopId);
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      this.setData({ status: 'ready', form: formOf(result.data), isOwner: result.data.role === 'owner', suspended: result.data.status === 'suspended' });
    },

    onFieldChange(e: DetailEvent<{ value: string }> & DatasetEvent<{ field?: string }>) {
      const { field } = e.currentTarget.dataset;
      if (TEXT_FIELDS.includes(field as TextField)) this.setData({ [`form.${field}`]: e.detail.value });
    },

    async onPickImage(e: DatasetEvent<{ field?: string }>): Promise<void> {
      const field = e.currentTarget.dataset.field as ImageField;
      if (!this.data.isOwner || this.data.uploading || (field !== 'logoUrl' && field !== 'bannerUrl')) return;
      const [filePath] = await chooseImages({ count: 1 });
      if (!filePath) return;
      this.setData({ uploading: field });
      const result = await uploadImage(filePath, `shops/${this.data.shopId}/${field === 'logoUrl' ? 'logo' : 'banner'}`);
      this.setData({ uploading: '' });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ [`form.${field}`]: result.data });
    },

    onClearImage(e: DatasetEvent<{ field?: string }>) {
      const { field } = e.currentTarget.dataset;
      if (this.data.isOwner && (field === 'logoUrl' || field === 'bannerUrl')) this.setData({ [`form.${field}`]: '' });
    },

    async onSave(): Promise<void> {
      if (this.data.saving || !this.data.isOwner) return;
      const built = toSettingsInput(this.data.form, this.data.shopId);
      if ('problem' in built) {
        void wx.showToast({ title: built.problem, icon: 'none' });
        return;
      }
      this.setData({ saving: true });
      const result = await saveShopSettings(built.input);
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ form: formOf(result.data) });
      void wx.showToast({ title: '已保存', icon: 'success' });
    },
  },
});
