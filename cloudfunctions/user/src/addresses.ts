import type { Address, AddressInput } from '../../../miniprogram/contracts';
import { newId } from '../../../server/ids';
import type { ActionDef } from '../../../server/handler';
import { empty, id, obj } from '../../../server/input';
import type { AddressDoc } from '../../../server/model';
import { _ } from '../../../server/cloud';
import { fail, notFound } from '../../../server/failure';
import { repo } from '../../../server/repo';
import { withUserLock } from '../../../server/user-lock';

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

async function listOwn(openid: string): Promise<AddressDoc[]> {
  return repo.find('addresses', { openid }, { orderBy: [['isDefault', 'desc'], ['updatedAt', 'desc']], limit: MAX_ADDRESSES });
}

/**
 * Leaves exactly one default among the user's addresses (none when there are none): `preferred`
 * when given and still there, else the current default (the most recently changed one should a
 * crash have left two), else the most recently changed address; answers the default as stored
 * now. Runs under the user's lock, so no other change interleaves; it also repairs what a function
 * that died half-way left behind.
 */
async function settleDefault(openid: string, now: number, preferred?: string): Promise<AddressDoc | undefined> {
  // every address (more than the limit only if written before the limit held): the default may be any of them
  const all = await repo.find('addresses', { openid }, { orderBy: [['isDefault', 'desc'], ['updatedAt', 'desc']], limit: 1000 });
  const target = all.find((a) => a._id === preferred) ?? all.find((a) => a.isDefault) ?? all[0];
  if (!target) return undefined;
  const at = new Date(now);
  if (!target.isDefault || target._id === preferred) await repo.update('addresses', target._id, { isDefault: true, updatedAt: at }, { openid });
  if (all.some((a) => a.isDefault && a._id !== target._id)) await repo.updateWhere('addresses', { openid, isDefault: true, _id: _.neq(target._id) }, { isDefault: false, updatedAt: at });
  return { ...target, isDefault: true, updatedAt: target.isDefault && target._id !== preferred ? target.updatedAt : at };
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
    // count-then-insert is exact only while nobody else inserts: every address change takes the user's lock
    return withUserLock(ctx.openid, async () => {
      const existing = await repo.find('addresses', { openid: ctx.openid }, { fields: { isDefault: true }, limit: 1000 });
      if (existing.length >= MAX_ADDRESSES) fail('CONFLICT', `最多保存${MAX_ADDRESSES}个地址`);
      const now = new Date(ctx.now);
      // the first address (or the first since a crash left none) becomes the default
      const isDefault = input.isDefault === true || !existing.some((a) => a.isDefault);
      const doc: AddressDoc = { _id: newId(), openid: ctx.openid, name: input.name.trim(), phone: input.phone, province: input.province, city: input.city, district: input.district, detail: input.detail.trim(), isDefault, createdAt: now, updatedAt: now };
      await repo.insert('addresses', doc);
      if (isDefault && existing.some((a) => a.isDefault)) await repo.updateWhere('addresses', { openid: ctx.openid, isDefault: true, _id: _.neq(doc._id) }, { isDefault: false, updatedAt: now });
      return view(doc);
    });
  },
};

export const update: ActionDef<AddressInput & { addressId: string }, Address> = {
  input: obj({ ...addressFields, addressId: id }, [...addressRequired, 'addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    const patch = { name: input.name.trim(), phone: input.phone, province: input.province, city: input.city, district: input.district, detail: input.detail.trim(), updatedAt: new Date(ctx.now) };
    if (input.isDefault !== true) {
      // the default flag is not touched: no lock needed
      if (!(await repo.update('addresses', doc._id, patch, { openid: ctx.openid }))) notFound('地址');
      return view((await repo.get('addresses', doc._id))!);
    }
    return withUserLock(ctx.openid, async () => {
      if (!(await repo.update('addresses', doc._id, patch, { openid: ctx.openid }))) notFound('地址');
      await settleDefault(ctx.openid, ctx.now, doc._id);
      return view((await repo.get('addresses', doc._id))!);
    });
  },
};

export const remove: ActionDef<{ addressId: string }, { deleted: true }> = {
  input: obj({ addressId: id }, ['addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    await withUserLock(ctx.openid, async () => {
      await repo.remove('addresses', { _id: doc._id, openid: ctx.openid });
      // a removed default hands over to the most recently changed address left
      await settleDefault(ctx.openid, ctx.now);
    });
    return { deleted: true };
  },
};

export const setDefault: ActionDef<{ addressId: string }, Address> = {
  input: obj({ addressId: id }, ['addressId']),
  async run(input, ctx) {
    const doc = await own(ctx.openid, input.addressId);
    const settled = await withUserLock(ctx.openid, () => settleDefault(ctx.openid, ctx.now, doc._id));
    // deleted meanwhile: another address is the default now
    return settled?._id === doc._id ? view(settled) : notFound('地址');
  },
};
