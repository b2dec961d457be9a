import { createAddress, fetchAddress, updateAddress } from '../../../services/user';
import type { DetailEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { DETAIL_MAX_LENGTH, emptyForm, formOf, NAME_MAX_LENGTH, toAddressInput, validateAddress, type AddressErrors } from './address-form';

type TextField = 'name' | 'phone' | 'detail';

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    addressId: '',
    form: emptyForm(),
    regionText: '',
    errors: {} as AddressErrors,
    saving: false,
    nameMaxLength: NAME_MAX_LENGTH,
    detailMaxLength: DETAIL_MAX_LENGTH,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const addressId = query.addressId ?? '';
      this.setData({ addressId });
      void wx.setNavigationBarTitle({ title: addressId ? '编辑收货地址' : '新增收货地址' });
      if (addressId) void this.load();
      else this.setData({ status: 'ready' });
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      void wx.navigateBack();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      const result = await fetchAddress(this.data.addressId);
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') this.setData({ status: 'empty' });
        else this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const form = formOf(result.data);
      this.setData({ status: 'ready', errorMessage: '', form, regionText: form.region.join(' ') });
    },

    setField(field: TextField, value: string) {
      // Typing clears that field's error; the rest wait for the next save.
      this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '' });
    },

    onNameChange(event: DetailEvent<{ value: string }>) {
      this.setField('name', event.detail.value);
    },

    onPhoneChange(event: DetailEvent<{ value: string }>) {
      this.setField('phone', event.detail.value);
    },

    onDetailChange(event: DetailEvent<{ value: string }>) {
      this.setField('detail', event.detail.value);
    },

    onRegionChange(event: DetailEvent<{ value: string[] }>) {
      const region = event.detail.value;
      this.setData({ 'form.region': region, regionText: region.join(' '), 'errors.region': '' });
    },

    onDefaultChange(event: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.isDefault': event.detail.value });
    },

    async onSave(): Promise<void> {
      if (this.data.saving) return;
      const { form, addressId } = this.data;
      const errors = validateAddress(form);
      this.setData({ errors });
      const firstError = Object.values(errors)[0];
      if (firstError) {
        void wx.showToast({ title: firstError, icon: 'none' });
        return;
      }
      this.setData({ saving: true });
      const input = toAddressInput(form);
      const result = addressId ? await updateAddress(addressId, input) : await createAddress(input);
      this.setData({ saving: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: '已保存', icon: 'success' });
      void wx.navigateBack();
    },
  },
});
