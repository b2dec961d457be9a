import { defineFunction } from '../../../server/handler';
import * as addresses from './addresses';
import * as profile from './profile';

export const main = defineFunction('user', {
  signIn: profile.signIn,
  profile: profile.get,
  updateProfile: profile.update,
  listAddresses: addresses.list,
  getAddress: addresses.get,
  createAddress: addresses.create,
  updateAddress: addresses.update,
  deleteAddress: addresses.remove,
  setDefaultAddress: addresses.setDefault,
});
