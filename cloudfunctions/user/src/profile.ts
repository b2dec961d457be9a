import type { Profile } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { empty, obj } from '../../../server/input';
import type { UserDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { notFound } from '../../../server/failure';
import { newUserDoc } from '../../../server/user-lock';

function view(doc: UserDoc, isNew = false): Profile {
  const p: Profile = { openid: doc._id, nickname: doc.nickname, avatarUrl: doc.avatarUrl, createdAt: doc.createdAt.getTime() };
  if (isNew) p.isNew = true;
  return p;
}

/** Signs the caller in: the profile is created on the first call (keyed by OPENID). */
export const signIn: ActionDef<Record<string, never>, Profile> = {
  input: empty,
  async run(_input, ctx) {
    const existing = await repo.get('users', ctx.openid);
    if (existing) {
      await repo.update('users', ctx.openid, { lastSeenAt: new Date(ctx.now) });
      return view(existing);
    }
    const doc: UserDoc = newUserDoc(ctx.openid, ctx.now);
    try {
      await repo.insert('users', doc);
    } catch (e) {
      // two first calls at once: the other one created it
      const again = await repo.get('users', ctx.openid);
      if (again) return view(again);
      throw e;
    }
    return view(doc, true);
  },
};

export const get: ActionDef<Record<string, never>, Profile> = {
  input: empty,
  async run(_input, ctx) {
    const doc = await repo.get('users', ctx.openid);
    return doc ? view(doc) : notFound('用户');
  },
};

export const update: ActionDef<{ nickname?: string; avatarUrl?: string }, Profile> = {
  input: obj({ nickname: { type: 'string', minLength: 1, maxLength: 32 }, avatarUrl: { type: 'string', maxLength: 512 } }),
  async run(input, ctx) {
    const patch: Record<string, unknown> = { updatedAt: new Date(ctx.now) };
    if (input.nickname !== undefined) patch.nickname = input.nickname.trim();
    if (input.avatarUrl !== undefined) patch.avatarUrl = input.avatarUrl;
    if (!(await repo.update('users', ctx.openid, patch))) notFound('用户');
    return view((await repo.get('users', ctx.openid))!);
  },
};
