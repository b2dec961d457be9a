import type { Page, ShopApplication, ShopApplicationInput, ShopApplicationStatus } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { stableId } from '../../../server/ids';
import { cursor, empty, obj, pageSize } from '../../../server/input';
import type { ShopApplicationDoc } from '../../../server/model';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { requireOwnPrivateFiles } from '../../../server/private-files';
import { applicationViewOf, applicationViews } from './views';

const nonBlank = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

async function pendingOf(openid: string): Promise<ShopApplicationDoc | undefined> {
  const [doc] = await repo.find('shop_applications', { openid, status: 'pending' }, { limit: 1 });
  return doc;
}

function refuseDuplicate(pending: ShopApplicationDoc): never {
  return fail('CONFLICT', '已有待审核的开店申请', { applicationId: pending._id });
}

/**
 * A shopper applies to open a shop; one pending application per shopper. The id is derived from
 * the OPENID and the number of the shopper's reviewed applications, which only a review changes
 * and a review needs a pending application: so simultaneous applications insert the same id and
 * all but one fail, then answer CONFLICT like any duplicate. A check after the insert backs this
 * up: should two pending ones still exist, the younger is withdrawn.
 */
export const apply: ActionDef<ShopApplicationInput, ShopApplication> = {
  input: obj(
    {
      shopName: nonBlank(30),
      contactName: nonBlank(20),
      phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
      licenseFileId: { type: 'string', maxLength: 512, pattern: '^cloud://\\S+$' },
    },
    ['shopName', 'contactName', 'phone', 'licenseFileId'],
  ),
  async run(input, ctx) {
    requireOwnPrivateFiles([input.licenseFileId], 'licence', ctx.openid);
    const existing = await pendingOf(ctx.openid);
    if (existing) refuseDuplicate(existing);
    const reviewed = await repo.count('shop_applications', { openid: ctx.openid, status: _.neq('pending') });
    const now = new Date(ctx.now);
    const doc: ShopApplicationDoc = {
      _id: stableId('shop_application', ctx.openid, String(reviewed)),
      openid: ctx.openid,
      shopName: input.shopName.trim(),
      contactName: input.contactName.trim(),
      phone: input.phone,
      licenseFileId: input.licenseFileId,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    };
    try {
      await repo.insert('shop_applications', doc);
    } catch (e) {
      const raced = await pendingOf(ctx.openid);
      if (raced) refuseDuplicate(raced);
      throw e;
    }
    const pending = await repo.find('shop_applications', { openid: ctx.openid, status: 'pending' }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 2 });
    if (pending.length > 1 && pending[0]._id !== doc._id) {
      await repo.remove('shop_applications', { _id: doc._id, status: 'pending' });
      refuseDuplicate(pending[0]);
    }
    return applicationViewOf(doc);
  },
};

/** The caller's latest application (any status), or null. */
export const mine: ActionDef<Record<string, never>, { application: ShopApplication | null }> = {
  input: empty,
  async run(_input, ctx) {
    const [latest] = await repo.find('shop_applications', { openid: ctx.openid }, { orderBy: [['createdAt', 'desc']], limit: 1 });
    return { application: latest ? await applicationViewOf(latest) : null };
  },
};

/** Platform admins page through applications by status: pending ones oldest first (a queue), others newest first. */
export const list: ActionDef<{ status: ShopApplicationStatus; cursor?: string; pageSize?: number }, Page<ShopApplication>> = {
  input: obj({ status: { enum: ['pending', 'approved', 'rejected'] }, cursor, pageSize }, ['status']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const direction = input.status === 'pending' ? 'asc' : 'desc';
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) =>
      repo.find('shop_applications', { status: input.status }, { orderBy: [['createdAt', direction], ['_id', 'asc']], skip, limit }),
    );
    return { items: await applicationViews(page.items), nextCursor: page.nextCursor };
  },
};
