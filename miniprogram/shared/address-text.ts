import type { AddressInput } from '../contracts';

/** "上海市上海市浦东新区世纪大道100号": how an address reads on one line. */
export function fullAddress(address: Pick<AddressInput, 'province' | 'city' | 'district' | 'detail'>): string {
  return `${address.province}${address.city}${address.district}${address.detail}`;
}

/** "138****8000": a phone number shown on screens others may see. */
export function maskedPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
