import type { Address } from '../../../../miniprogram/contracts';
import { notFound } from '../../../../server/failure';
import type { AddressDoc, AddressFields } from '../../../../server/model';
import { repo } from '../../../../server/repo';

/** The caller's address; another shopper's address is indistinguishable from a missing one. */
export async function ownAddress(openid: string, addressId: string): Promise<AddressDoc> {
  const doc = await repo.get('addresses', addressId);
  return doc && doc.openid === openid ? doc : notFound('收货地址');
}

export async function defaultAddress(openid: string): Promise<AddressDoc | null> {
  const [doc] = await repo.find('addresses', { openid }, { orderBy: [['isDefault', 'desc'], ['updatedAt', 'desc']], limit: 1 });
  return doc ?? null;
}

export function addressView(d: AddressDoc): Address {
  return { id: d._id, name: d.name, phone: d.phone, province: d.province, city: d.city, district: d.district, detail: d.detail, isDefault: d.isDefault, updatedAt: d.updatedAt.getTime() };
}

/** The copy of the address an order keeps (later edits of the address book do not move a parcel). */
export function addressSnapshot(d: AddressDoc): AddressFields {
  return { name: d.name, phone: d.phone, province: d.province, city: d.city, district: d.district, detail: d.detail };
}
