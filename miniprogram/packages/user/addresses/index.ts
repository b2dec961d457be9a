/**
 * The shopper's addresses. In select mode (opened by checkout) a tap picks the address and goes
 * back; the checkout takes the pick on show (shared/address-pick.ts).
 */
import type { Address } from '../../../services/contracts';
import { deleteAddress, listAddresses, setDefaultAddress } from '../../../services/user';
import { savePickedAddressId } from '../../../shared/address-pick';
import { fullAddress } from '../../../shared/address-text';
import type { DatasetEvent } from '../../../shared/events';
import type { PageStatus } from '../../../shared/page-status';
import { ROUTES } from '../../../shared/routes';

interface AddressItem {
  id: string;
  name: string;
  phone: string;
  text: string;
  isDefault: boolean;
}

const toItem = (address: Address): AddressItem => ({ id: address.id, name: address.name, phone: address.phone, text: fullAddress(address), isDefault: address.isDefault });

type IdEvent = DatasetEvent<{ id?: string }>;

Component({
  data: {
    status: 'loading' as PageStatus,
    errorMessage: '',
    selectMode: false,
    addresses: [] as AddressItem[],
    deletingId: '',
    dialogVisible: false,
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const selectMode = query.mode === 'select';
      this.setData({ selectMode });
      if (selectMode) void wx.setNavigationBarTitle({ title: '选择收货地址' });
    },

    /** Every show: the edit page may have changed the list. */
    onShow() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onEmptyAction() {
      this.onAdd();
    },

    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      const result = await listAddresses();
      if (!result.ok) {
        this.setData({ status: 'error', errorMessage: result.error.message });
        return;
      }
      const { addresses } = result.data;
      this.setData({ status: addresses.length ? 'ready' : 'empty', errorMessage: '', addresses: addresses.map(toItem) });
    },

    onAdd() {
      void wx.navigateTo({ url: ROUTES.addressEdit() });
    },

    onItemTap(event: IdEvent) {
      const { id } = event.currentTarget.dataset;
      if (!id || !this.data.selectMode) return;
      savePickedAddressId(id);
      void wx.navigateBack();
    },

    onEdit(event: IdEvent) {
      const { id } = event.currentTarget.dataset;
      if (id) void wx.navigateTo({ url: ROUTES.addressEdit(id) });
    },

    async onSetDefault(event: IdEvent): Promise<void> {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.busy) return;
      this.setData({ busy: true });
      const result = await setDefaultAddress(id);
      this.setData({ busy: false });
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      await this.load();
    },

    onAskDelete(event: IdEvent) {
      const { id } = event.currentTarget.dataset;
      if (id) this.setData({ deletingId: id, dialogVisible: true });
    },

    onDeleteCancel() {
      this.setData({ deletingId: '', dialogVisible: false });
    },

    async onDeleteConfirm(): Promise<void> {
      const id = this.data.deletingId;
      this.setData({ deletingId: '', dialogVisible: false });
      if (!id) return;
      const result = await deleteAddress(id);
      if (!result.ok) {
        void wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      void wx.showToast({ title: '已删除', icon: 'success' });
      await this.load();
    },
  },
});
