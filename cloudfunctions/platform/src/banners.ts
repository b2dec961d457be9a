/**
 * Home banners. The catalog's home screen shows the active ones in `sort` order (at most
 * PLATFORM_LIMITS.homeBanners); here admins see and edit all of them. A link must point at goods or
 * a category that exists when it is saved.
 */
import type { AdminBanner, BannerLink, SaveBannerInput } from '../../../miniprogram/contracts';
import { PLATFORM_LIMITS } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { newId } from '../../../server/ids';
import { empty, id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { BannerDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { SCHEMAS } from '../../../server/schemas';
import { bannerView } from './views';

const STATUSES: Array<BannerDoc['status']> = ['active', 'hidden'];
/** Far more than a home screen shows: the list is read in one go. */
const MAX_BANNERS = 100;

export const listBanners: ActionDef<Record<string, never>, { banners: AdminBanner[] }> = {
  input: empty,
  async run(_input, ctx) {
    await requirePlatformAdmin(ctx);
    const docs = await repo.find('banners', { status: _.in(STATUSES) }, { orderBy: [['sort', 'asc'], ['_id', 'asc']], limit: MAX_BANNERS });
    return { banners: docs.map(bannerView) };
  },
};

async function checkLink(link: BannerLink): Promise<BannerLink> {
  if (link.type === 'goods' && !(await repo.get('goods', link.goodsId))) fail('INVALID_ARGUMENT', '链接的商品不存在', { goodsId: link.goodsId });
  if (link.type === 'category' && !(await repo.get('categories', link.categoryId))) fail('INVALID_ARGUMENT', '链接的分类不存在', { categoryId: link.categoryId });
  if (link.type === 'search') return { type: 'search', keyword: link.keyword.trim() };
  return link;
}

/** Creates (no `id`) or replaces a banner. */
export const saveBanner: ActionDef<SaveBannerInput, AdminBanner> = {
  input: obj(
    {
      id,
      title: { type: 'string', minLength: 1, maxLength: PLATFORM_LIMITS.bannerTitleMax, pattern: '\\S' },
      imageUrl: { type: 'string', maxLength: 512, pattern: '^(cloud|https?)://\\S+$' },
      // the stored document's own rule, so the two never disagree
      link: SCHEMAS.banners.properties.link,
      sort: { type: 'integer', minimum: -9999, maximum: 9999 },
      status: { enum: STATUSES },
    },
    ['title', 'imageUrl', 'link', 'sort', 'status'],
  ),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const before = input.id ? ((await repo.get('banners', input.id)) ?? notFound('轮播图')) : null;
    if (input.link.type === 'search' && !input.link.keyword.trim()) fail('INVALID_ARGUMENT', '请填写搜索关键词');
    const now = new Date(ctx.now);
    const doc: BannerDoc = {
      _id: before?._id ?? newId(),
      title: input.title.trim(),
      imageUrl: input.imageUrl,
      link: await checkLink(input.link),
      sort: input.sort,
      status: input.status,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    await repo.set('banners', doc);
    logEvent(before ? 'banner_saved' : 'banner_created', { bannerId: doc._id, by: ctx.openid });
    return bannerView(doc);
  },
};

export const deleteBanner: ActionDef<{ id: string }, { id: string }> = {
  input: obj({ id }, ['id']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    if ((await repo.remove('banners', { _id: input.id })) === 0) notFound('轮播图');
    logEvent('banner_deleted', { bannerId: input.id, by: ctx.openid });
    return { id: input.id };
  },
};
