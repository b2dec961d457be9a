import type { AdminBanner, AdminCategory, AdminCategoryNode } from '../../../miniprogram/contracts';
import type { BannerDoc, CategoryDoc } from '../../../server/model';

export function categoryView(d: CategoryDoc): AdminCategory {
  return { id: d._id, name: d.name, parentId: d.parentId, level: d.level, sort: d.sort, iconUrl: d.iconUrl, status: d.status, path: d.path };
}

export function bannerView(d: BannerDoc): AdminBanner {
  return { id: d._id, title: d.title, imageUrl: d.imageUrl, link: d.link, sort: d.sort, status: d.status, updatedAt: d.updatedAt.getTime() };
}

export const bySort = (a: { sort: number; _id: string }, b: { sort: number; _id: string }): number => a.sort - b.sort || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** The whole tree, hidden categories included, each level in `sort` order; orphans are dropped. */
export function adminTree(docs: CategoryDoc[]): AdminCategoryNode[] {
  const children = new Map<string | null, CategoryDoc[]>();
  for (const d of [...docs].sort(bySort)) {
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  const grow = (parentId: string | null, depth: number): AdminCategoryNode[] =>
    depth > 3 ? [] : (children.get(parentId) ?? []).map((d) => ({ ...categoryView(d), children: grow(d._id, depth + 1) }));
  return grow(null, 1);
}
