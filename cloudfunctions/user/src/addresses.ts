import type { Address, AddressInput } from '../../../miniprogram/contracts';
import { newId } from '../../../server/ids';
import type { ActionDef } from '../../../server/handler';
import { empty, id, obj } from '../../../server/input';
import type { AddressDoc } from '../../../server/model';
import { _ } from '../../../server/cloud';
import { fail, notFound } from '../../../server/failure';
import { repo } from '../../../server/repo';

/** A shopper keeps at most this many addresses. */
export const MAX_ADDRESSES = 20;

const addressFields = {
  name: { type: 'string', minLength: 1, maxLength: 20 },
  phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
  province: { type: 'string', minLength: 1, maxLength: 20 },
  city: { type: 'string', minLength: 1, maxLength: 20 },
  district: { type: 'string', minLength: 1, maxLength: 20 },
  detail: { type: 'string', minLength: 1, maxLength: 100 },
  isDefault: { type: 'boolean' },
};
const addressRequired = ['name', 'phone', 'province', 'city', 'district', 'detail'];

function view(d: AddressDoc): Address {
  return { id: d._id, name: d.name, phone: d.phone, province: d.province, city: d.city, district: d.district, detail: d.detail, isDefault: d.isDefault, updatedAt: d.updatedAt.getTime() };
}

/** The caller's own address, or NOT_FOUND (another shopper's address is indistinguishable from none). */
async function own(openid: string, addressId: string): Promise<AddressDoc> {
  const doc = await repo.get('addresses', addressId);
  return doc && doc.openid === openid ? doc : notFound('地址');
}

async function clearDefault(openid: string, exceptId: string, now: number): Promise<void> {
  await repo.updateWhere('addresses', { openid, isDefault: true, _id: _.neq(exceptId) }, { isDefault: false, updatedAt: new Date(now) });
}

async function listOwn(openid: string): Promise<AddressDoc[]> {
  return repo.find('addresses', { openid }, { orderBy: [['isDefault', 'desc'], ['updatedAt', 'desc']], limit: MAX_ADDRESSES });
}

export const list: ActionDef<Record<string, never>, { addresses: Address[] }> = {
  input: empty,
  async run(_input, ctx) {
    return { addresses: (await listOwn(ctx.openid)).map(view) };
  },
};

export const get: ActionDef<{ addressId: string }, Address> = {
  input: obj({ addressId: id }, ['addressId']),
  async run(input, ctx) {
    return view(await own(ctx.openid, input.addressId));
  },
};

export const create: ActionDef<AddressInput, Address> = {
  input: obj(addressFields, addressRequired),
  async run(input, ctx) {
    const existing = await listOwn(ctx.openid);
    if (existing.length >= MAX_ADDRESSES) fail('CONFLICT', `最多保存${MAX_ADDRESSES}个地址`);
    const now = new Date(ctx.now);
    // the first address becomes the default
    const isDefault = input.isDefault === true || existing.length === 0;
    const doc: AddressDoc = { _id: newId(), openid: ctx.openid, name: input.name.trim(), phone: input.phone, province: input.province, city: input.city, district: input.district, detail: input.detail.trim(), isDefault, createdAt: now, updatedAt: now };
    await repo.insert('addresses', doc);
    if (isDefault) await clearDefault(ctx.openid, doc._id, ctx.now);
    return view(doc);
  },
};

export const update: ActionDef<AddressInput & { addressId: string }, Address> = {
  input: obj({ ...addressFields, addressId: id }, [...addressRequired, 'addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    const patch = { name: input.name.trim(), phone: input.phone, province: input.province, city: input.city, district: input.district, detail: input.detail.trim(), updatedAt: new Date(ctx.now), ...(input.isDefault === true ? { isDefault: true } : {}) };
    await repo.update('addresses', doc._id, patch, { openid: ctx.openid });
    if (input.isDefault === true) await clearDefault(ctx.openid, doc._id, ctx.now);
    return view((await repo.get('addresses', doc._id))!);
  },
};

export const remove: ActionDef<{ addressId: string }, { deleted: true }> = {
  input: obj({ addressId: id }, ['addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    await repo.remove('addresses', { _id: doc._id, openid: ctx.openid });
    if (doc.isDefault) {
      // promote the most recently used remaining address
      const [next] = await listOwn(ctx.openid);
      if (next) await repo.update('addresses', next._id, { isDefault: true, updatedAt: new Date(ctx.now) }, { openid: ctx.openid });
    }
    return { deleted: true };
  },
};

export const setDefault: ActionDef<{ addressId: string }, Address> = {
  input: obj({ addressId: id }, ['addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    await repo.update('addresses', doc._id, { isDefault: true, updatedAt: new Date(ctx.now) }, { openid: ctx.openid });
    await clearDefault(ctx.openid, doc._id, ctx.now);
    return view({ ...doc, isDefault: true, updatedAt: new Date(ctx.now) });
  },
};
