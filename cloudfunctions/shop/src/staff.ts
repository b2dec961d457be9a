/**
 * Staff of a shop. The owner creates a one-time invite code (valid {@link INVITE_TTL_MS}); whoever
 * enters it joins as staff. Accepting runs in one transaction that reads the code, checks it,
 * adds the role to the invitee's `roles` document and marks the code used, so two people racing
 * for one code cannot both join (the loser's retry sees it used). Accepting again by the same
 * person, or by someone who already works in the shop, changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { INVITE_TTL_MS, type ShopInvite, type ShopRole, type ShopSummary, type StaffMember } from '../../../miniprogram/contracts';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { ShopInviteDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { canRead, ownerWrites } from './access';

/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
/** A person belongs to at most this many shops (the roles schema). */
const MAX_SHOPS_PER_PERSON = 50;

export function inviteCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** The owner's new invite code for the shop. */
export const createInvite: ActionDef<{ shopId: string }, ShopInvite> = {
  input: obj({ shopId: id }, ['shopId']),
  async run({ shopId }, ctx) {
    await ownerWrites(ctx, shopId);
    const now = new Date(ctx.now);
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc: ShopInviteDoc = { _id: inviteCode(), shopId, role: 'staff', createdBy: ctx.openid, status: 'open', createdAt: now, expiresAt: new Date(ctx.now + INVITE_TTL_MS) };
      try {
        await repo.insert('shop_invites', doc);
      } catch (e) {
        if (isDuplicateKey(e)) continue;
        throw e;
      }
      logEvent('shop_invite_created', { shopId, by: ctx.openid });
      return { code: doc._id, shopId, expiresAt: doc.expiresAt.getTime() };
    }
    return fail('CONFLICT', '生成邀请码失败，请重试');
  },
};

type Acceptance = { shop: ShopSummary; role: ShopRole; joined: boolean };

/** Joins the shop of an invite code as staff (any signed-in user). */
export const acceptInvite: ActionDef<{ code: string }, { shop: ShopSummary; role: ShopRole }> = {
  input: obj({ code: { type: 'string', minLength: 1, maxLength: 20 } }, ['code']),
  async run(input, ctx) {
    const code = input.code.trim().toUpperCase();
    if (!new RegExp(`^[A-Z0-9]{${CODE_LENGTH}}$`).test(code)) fail('NOT_FOUND', '邀请码无效');
    const now = new Date(ctx.now);
    const result = await inTransaction(async (tx): Promise<Acceptance> => {
      const invite = (await tx.get('shop_invites', code)) ?? fail('NOT_FOUND', '邀请码无效');
      const shop = (await tx.get('shops', invite.shopId)) ?? notFound('店铺');
      const summary: ShopSummary = { id: shop._id, name: shop.name, status: shop.status };
      const roles = await tx.get('roles', ctx.openid);
      const current = roles?.shops.find((s) => s.shopId === shop._id);
      if (current) return { shop: summary, role: current.role, joined: false }; // already in the shop: the code stays unused
      if (invite.status === 'used') fail('CONFLICT', '该邀请码已被使用', { reason: 'used' });
      if (invite.expiresAt.getTime() <= ctx.now) fail('CONFLICT', '邀请码已过期，请让店主重新生成', { reason: 'expired' });
      if (shop.status !== 'active') fail('FORBIDDEN', '店铺已被暂停营业', { shopStatus: shop.status });
      if ((roles?.shops.length ?? 0) >= MAX_SHOPS_PER_PERSON) fail('CONFLICT', '加入的店铺太多了');
      const entry = { shopId: shop._id, role: 'staff' as const };
      if (roles) await tx.update('roles', ctx.openid, { shops: [...roles.shops, entry], updatedAt: now });
      else await tx.set('roles', { _id: ctx.openid, platformAdmin: false, shops: [entry], updatedAt: now });
      await tx.update('shop_invites', code, { status: 'used', usedBy: ctx.openid, usedAt: now });
      return { shop: summary, role: 'staff', joined: true };
    });
    if (result.joined) logEvent('shop_staff_joined', { shopId: result.shop.id, openid: ctx.openid });
    return { shop: result.shop, role: result.role };
  },
};

/** Everyone with a role in the shop, the owner first. */
export const listStaff: ActionDef<{ shopId: string }, { members: StaffMember[]; role: ShopRole }> = {
  input: obj({ shopId: id }, ['shopId']),
  async run({ shopId }, ctx) {
    const { role } = await canRead(ctx, shopId);
    const docs = await repo.find('roles', { 'shops.shopId': shopId }, { limit: 1000 });
    const users = await repo.getMany('users', docs.map((d) => d._id));
    const members = docs
      .map((d): StaffMember => {
        const u = users.get(d._id);
        return { openid: d._id, role: d.shops.find((s) => s.shopId === shopId)!.role, nickname: u?.nickname ?? '', avatarUrl: u?.avatarUrl ?? '' };
      })
      .sort((a, b) => (a.role === b.role ? (a.openid < b.openid ? -1 : 1) : a.role === 'owner' ? -1 : 1));
    return { members, role };
  },
};

/** The owner removes a staff member (never an owner); the role goes in one transaction. */
export const removeStaff: ActionDef<{ shopId: string; openid: string }, { removed: true }> = {
  input: obj({ shopId: id, openid: id }, ['shopId', 'openid']),
  async run({ shopId, openid }, ctx) {
    await ownerWrites(ctx, shopId);
    const now = new Date(ctx.now);
    await inTransaction(async (tx) => {
      const roles = await tx.get('roles', openid);
      const entry = roles?.shops.find((s) => s.shopId === shopId);
      if (!roles || !entry) return notFound('店员');
      if (entry.role !== 'staff') fail('FORBIDDEN', '不能移除店主');
      await tx.update('roles', openid, { shops: roles.shops.filter((s) => s.shopId !== shopId), updatedAt: now });
    });
    logEvent('shop_staff_removed', { shopId, openid, by: ctx.openid });
    return { removed: true };
  },
};
