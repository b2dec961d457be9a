/** The address form: its fields, checks and the input the server gets. Pure, no WeChat APIs. */
import type { Address, AddressInput } from '../../../services/contracts';

export interface AddressForm {
  name: string;
  phone: string;
  /** [province, city, district], as `<picker mode="region">` gives them. */
  region: string[];
  detail: string;
  isDefault: boolean;
}

export type AddressErrors = Partial<Record<'name' | 'phone' | 'region' | 'detail', string>>;

export const NAME_MAX_LENGTH = 20;
export const DETAIL_MAX_LENGTH = 100;

export function emptyForm(): AddressForm {
  return { name: '', phone: '', region: [], detail: '', isDefault: false };
}

export function formOf(address: Address): AddressForm {
  return {
    name: address.name,
    phone: address.phone,
    region: [address.province, address.city, address.district],
    detail: address.detail,
    isDefault: address.isDefault,
  };
}

/** What is wrong with the form, by field; empty when it can be saved. */
export function validateAddress(form: AddressForm): AddressErrors {
  const errors: AddressErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写收货人';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `收货人最多${NAME_MAX_LENGTH}个字`;
  if (!/^1\d{10}$/.test(form.phone.trim())) errors.phone = '请填写11位手机号';
  if (form.region.length !== 3 || form.region.some((part) => !part.trim())) errors.region = '请选择所在地区';
  const detail = form.detail.trim();
  if (!detail) errors.detail = '请填写详细地址';
  else if (detail.length > DETAIL_MAX_LENGTH) errors.detail = `详细地址最多${DETAIL_MAX_LENGTH}个字`;
  return errors;
}

export function toAddressInput(form: AddressForm): AddressInput {
  const [province = '', city = '', district = ''] = form.region;
  return { name: form.name.trim(), phone: form.phone.trim(), province, city, district, detail: form.detail.trim(), isDefault: form.isDefault };
}
