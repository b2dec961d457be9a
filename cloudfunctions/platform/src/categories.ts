/**
 * The category tree, managed by platform admins. Every category stores its `level` (1..3) and its
 * `path` (ids from the root down to itself); goods copy that path into `categoryIds` when saved, and
 * the catalog finds goods of a category and all its sub-categories through it. Hence:
 * - a new category takes its parent's path plus its own id, and may not go below level 3;
 * - moving a category (a new parent) rewrites the path and level of its whole subtree in one
 *   transaction, and is refused (CONFLICT) while goods are filed anywhere in it, whose stored paths
 *   would go stale;
 * - hiding a category hides its subtree in the catalog (which drops hidden nodes with their
 *   children) and stops shops filing new goods there; goods already filed stay where they are;
 * - only an empty category can be deleted: no sub-categories, no goods, no banner pointing at it.
 */
import type { AdminCategory, AdminCategoryNode, CategoryStatus, SaveCategoryInput } from '../../../miniprogram/contracts';
import { PLATFORM_LIMITS } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import { fail, notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { newId } from '../../../server/ids';
import { empty, id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { CategoryDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { allCategories, CATEGORY_STATUSES, goodsUnder, MAX_CATEGORIES, subtreeHeight } from './category-store';
import { adminTree, categoryView } from './views';

const MAX_LEVEL = PLATFORM_LIMITS.categoryLevels;
/** An uploaded image (`cloud://` fileID or a URL), or '' for none. */
export const imageOrNone = { type: 'string', maxLength: 512, pattern: '^$|^(cloud|https?)://\\S+$' };
const sortValue = { type: 'integer', minimum: -9999, maximum: 9999 };

export const listCategories: ActionDef<Record<string, never>, { categories: AdminCategoryNode[] }> = {
  input: empty,
  async run(_input, ctx) {
    await requirePlatformAdmin(ctx);
    return { categories: adminTree(await allCategories()) };
  },
};

async function category(categoryId: string): Promise<CategoryDoc> {
  return (await repo.get('categories', categoryId)) ?? notFound('分类');
}

/** Refuses a name a sibling already has (names are what shoppers tell categories apart by). */
async function refuseDuplicateName(parentId: string | null, name: string, self?: string): Promise<void> {
  // the status filter gives top-level lookups (parentId null, which indexes do not key) an index too
  const siblings = await repo.find('categories', { parentId, status: _.in(CATEGORY_STATUSES) }, { limit: MAX_CATEGORIES });
  const clash = siblings.find((s) => s.name === name && s._id !== self);
  if (clash) fail('CONFLICT', `同级已有分类「${name}」`, { categoryId: clash._id });
}

/** The parent a category goes under, checked against the level limit (`height`: levels the moved subtree spans). */
async function placement(parentId: string | null, height: number): Promise<{ level: 1 | 2 | 3; parentPath: string[] }> {
  if (parentId === null) return { level: 1, parentPath: [] };
  const parent = await repo.get('categories', parentId);
  if (!parent) return fail('INVALID_ARGUMENT', '上级分类不存在', { parentId });
  if (parent.level + height > MAX_LEVEL) fail('INVALID_ARGUMENT', `分类最多${MAX_LEVEL}级`, { parentLevel: parent.level, height });
  return { level: (parent.level + 1) as 1 | 2 | 3, parentPath: parent.path };
}

async function create(input: SaveCategoryInput, name: string): Promise<CategoryDoc> {
  const { level, parentPath } = await placement(input.parentId, 1);
  await refuseDuplicateName(input.parentId, name);
  const categoryId = newId();
  const doc: CategoryDoc = { _id: categoryId, name, parentId: input.parentId, level, sort: input.sort, iconUrl: input.iconUrl, status: 'active', path: [...parentPath, categoryId] };
  await repo.insert('categories', doc);
  return doc;
}

/** Renames, re-sorts, re-icons and possibly moves a category; a move rewrites the subtree's paths. */
async function edit(input: SaveCategoryInput & { id: string }, name: string): Promise<CategoryDoc> {
  const before = await category(input.id);
  const fields = { name, sort: input.sort, iconUrl: input.iconUrl };
  if (before.parentId === input.parentId) {
    if (name !== before.name) await refuseDuplicateName(before.parentId, name, before._id);
    await repo.update('categories', before._id, fields);
    return { ...before, ...fields };
  }
  const all = await allCategories();
  if (input.parentId !== null && (input.parentId === before._id || all.find((d) => d._id === input.parentId)?.path.includes(before._id))) {
    fail('INVALID_ARGUMENT', '不能移到自己或自己的下级分类下', { parentId: input.parentId });
  }
  const goods = await goodsUnder(before._id);
  if (goods > 0) fail('CONFLICT', `该分类下有${goods}件商品，不能移动；请先把商品改到其他分类`, { goods });
  const { level, parentPath } = await placement(input.parentId, subtreeHeight(before._id, all));
  await refuseDuplicateName(input.parentId, name, before._id);
  const subtree = all.filter((d) => d.path.includes(before._id) && d._id !== before._id);
  const depthOf = before.path.length;
  const moved: CategoryDoc = { ...before, ...fields, parentId: input.parentId, level, path: [...parentPath, before._id] };
  await inTransaction(async (tx) => {
    await tx.update('categories', before._id, { ...fields, parentId: input.parentId, level, path: moved.path });
    for (const d of subtree) {
      const path = [...moved.path, ...d.path.slice(depthOf)];
      await tx.update('categories', d._id, { path, level: path.length as 1 | 2 | 3 });
    }
  });
  logEvent('category_moved', { categoryId: before._id, from: before.parentId, to: input.parentId, subtree: subtree.length });
  return moved;
}

/** Creates (no `id`) or edits a category. */
export const saveCategory: ActionDef<SaveCategoryInput, AdminCategory> = {
  input: obj(
    {
      id,
      name: { type: 'string', minLength: 1, maxLength: PLATFORM_LIMITS.categoryNameMax, pattern: '\\S' },
      parentId: { anyOf: [id, { type: 'null' }] },
      sort: sortValue,
      iconUrl: imageOrNone,
    },
    ['name', 'parentId', 'sort', 'iconUrl'],
  ),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const name = input.name.trim();
    const doc = input.id ? await edit({ ...input, id: input.id }, name) : await create(input, name);
    logEvent(input.id ? 'category_saved' : 'category_created', { categoryId: doc._id, by: ctx.openid });
    return categoryView(doc);
  },
};

/** Shows or hides a category (and with it, in the catalog, its subtree); repeating changes nothing. */
export const setCategoryStatus: ActionDef<{ id: string; status: CategoryStatus }, AdminCategory> = {
  input: obj({ id, status: { enum: CATEGORY_STATUSES } }, ['id', 'status']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const before = await category(input.id);
    if (before.status !== input.status && (await repo.update('categories', before._id, { status: input.status }, { status: before.status }))) {
      logEvent('category_status_set', { categoryId: before._id, status: input.status, by: ctx.openid });
    }
    return categoryView(await category(input.id));
  },
};

/** Deletes an empty category: no sub-categories, no goods, no banner linking to it (CONFLICT otherwise, with counts). */
export const deleteCategory: ActionDef<{ id: string }, { id: string }> = {
  input: obj({ id }, ['id']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const doc = await category(input.id);
    const [children, goods, banners] = await Promise.all([
      repo.count('categories', { parentId: doc._id }),
      goodsUnder(doc._id),
      repo.find('banners', { status: _.in(['active', 'hidden']) }, { limit: 100 }),
    ]);
    const linked = banners.filter((b) => b.link.type === 'category' && b.link.categoryId === doc._id).length;
    if (children > 0) fail('CONFLICT', `请先删除或移走${children}个下级分类`, { children });
    if (goods > 0) fail('CONFLICT', `该分类下有${goods}件商品，不能删除；可以先隐藏`, { goods });
    if (linked > 0) fail('CONFLICT', `有${linked}个首页轮播图链接到该分类，请先修改轮播图`, { banners: linked });
    await repo.remove('categories', { _id: doc._id });
    logEvent('category_deleted', { categoryId: doc._id, by: ctx.openid });
    return { id: doc._id };
  },
};
