import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type Address, type AddressInput, type Profile, type Result } from './contracts';

/** Creates the caller's profile on first use and returns it. */
export function signIn(): Promise<Result<Profile>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.signIn, {});
}

export function listAddresses(): Promise<Result<{ addresses: Address[] }>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.listAddresses, {});
}

export function fetchAddress(addressId: string): Promise<Result<Address>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.getAddress, { addressId });
}

export function createAddress(input: AddressInput): Promise<Result<Address>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.createAddress, input);
}

export function updateAddress(addressId: string, input: AddressInput): Promise<Result<Address>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.updateAddress, { ...input, addressId });
}

export function deleteAddress(addressId: string): Promise<Result<{ deleted: true }>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.deleteAddress, { addressId });
}

export function setDefaultAddress(addressId: string): Promise<Result<Address>> {
  return callFunction(FUNCTIONS.user, ACTIONS.user.setDefaultAddress, { addressId });
}
