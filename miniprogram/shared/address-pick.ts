/**
 * The address list in select mode hands the picked address back to the page that opened it
 * (checkout) through storage: that page takes it on show, once.
 */
const STORAGE_KEY = 'cloudmall.picked-address';

export function savePickedAddressId(addressId: string): void {
  wx.setStorageSync(STORAGE_KEY, addressId);
}

/** The address id picked since the last call, then forgets it; null when none was picked. */
export function takePickedAddressId(): string | null {
  const stored: unknown = wx.getStorageSync(STORAGE_KEY);
  if (typeof stored !== 'string' || !stored) return null;
  wx.removeStorageSync(STORAGE_KEY);
  return stored;
}
