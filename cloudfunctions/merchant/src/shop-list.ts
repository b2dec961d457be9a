import type { AdminShopDetail, AdminShopView, ListShopsRequest, Page } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { _, db } from '../../../server/cloud';
import { notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import type { ShopDoc } from '../../../server/model';
import { mapPage, readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { applicationViewOf } from './views';

const SHOP_STATUSES: Array<ShopDoc['status']> = ['active', 'suspended'];
const GOODS_STATUSES = ['on_shelf', 'off_shelf'];
/** A shop has a handful of people; more than this is not shown. */
const MAX_MEMBERS = 100;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Goods of a shop (every status, or one), counted through the `by_shop_status` index. */
function countGoods(shopId: string, statuses: string[] = GOODS_STATUSES): Promise<number> {
  return repo.count('goods', { shopId, status: _.in(statuses) });
}

async function adminView(d: ShopDoc): Promise<AdminShopView> {
  return { id: d._id, name: d.name, status: d.status, logoUrl: d.logoUrl, ownerOpenid: d.ownerOpenid, createdAt: d.createdAt.getTime(), goodsCount: await countGoods(d._id) };
}

/**
 * Platform admins page through the shops, newest first, optionally by status and by a part of the
 * name. The status filter always goes through the `by_status` index (both statuses when none is
 * given); each shop on the page gets its goods counted (one indexed count per shop, at most 50).
 */
export const listShops: ActionDef<ListShopsRequest, Page<AdminShopView>> = {
  input: obj({ status: { enum: SHOP_STATUSES }, keyword: { type: 'string', maxLength: 30 }, cursor, pageSize }),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const query: Record<string, unknown> = { status: input.status ?? _.in(SHOP_STATUSES) };
    const keyword = (input.keyword ?? '').trim();
    if (keyword) query.name = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('shops', query, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip, limit }));
    return mapPage(page, (shops) => Promise.all(shops.map(adminView)));
  },
};

/** One shop for a platform admin: counts, its people and the application it came from. */
export const shopDetail: ActionDef<{ shopId: string }, AdminShopDetail> = {
  input: obj({ shopId: id }, ['shopId']),
  async run({ shopId }, ctx) {
    await requirePlatformAdmin(ctx);
    const shop = (await repo.get('shops', shopId)) ?? notFound('店铺');
    const [view, onShelfCount, members, applications] = await Promise.all([
      adminView(shop),
      countGoods(shopId, ['on_shelf']),
      repo.find('roles', { 'shops.shopId': shopId }, { limit: MAX_MEMBERS }),
      repo.find('shop_applications', { openid: shop.ownerOpenid, status: 'approved' }, { orderBy: [['createdAt', 'desc']], limit: 20 }),
    ]);
    const application = applications.find((a) => a.shopId === shopId);
    return {
      ...view,
      description: shop.description ?? '',
      announcement: shop.announcement ?? '',
      onShelfCount,
      members: members
        .map((r) => ({ openid: r._id, role: r.shops.find((s) => s.shopId === shopId)!.role }))
        .sort((a, b) => (a.role === b.role ? a.openid.localeCompare(b.openid) : a.role === 'owner' ? -1 : 1)),
      application: application ? await applicationViewOf(application) : null,
    };
  },
};
