import type { NoPayload } from './common';

export interface Profile {
  openid: string;
  nickname: string;
  avatarUrl: string;
  createdAt: number;
  /** True on the call that created the profile. */
  isNew?: boolean;
}

export interface AddressInput {
  name: string;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault?: boolean;
}

export interface Address extends AddressInput {
  id: string;
  isDefault: boolean;
  updatedAt: number;
}

export interface UserApi {
  signIn: { payload: NoPayload; result: Profile };
  profile: { payload: NoPayload; result: Profile };
  updateProfile: { payload: { nickname?: string; avatarUrl?: string }; result: Profile };
  listAddresses: { payload: NoPayload; result: { addresses: Address[] } };
  getAddress: { payload: { addressId: string }; result: Address };
  createAddress: { payload: AddressInput; result: Address };
  updateAddress: { payload: AddressInput & { addressId: string }; result: Address };
  deleteAddress: { payload: { addressId: string }; result: { deleted: true } };
  setDefaultAddress: { payload: { addressId: string }; result: Address };
}
