import type { CategoryNode, CategoryTree } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { empty } from '../../../server/input';
import type { CategoryDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** A category tree is small (hundreds of nodes); one read takes all of it. */
const MAX_CATEGORIES = 1000;

const bySort = (a: CategoryDoc, b: CategoryDoc): number => a.sort - b.sort || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/**
 * Builds the tree of active categories, three levels at most, each level in `sort` order. A hidden
 * category hides its whole subtree; a node whose parent is missing is dropped.
 */
export function buildTree(docs: CategoryDoc[]): CategoryNode[] {
  const children = new Map<string | null, CategoryDoc[]>();
  for (const d of [...docs].sort(bySort)) {
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  const grow = (parentId: string | null, depth: number): CategoryNode[] =>
    depth > 3 ? [] : (children.get(parentId) ?? []).map((d) => ({ id: d._id, name: d.name, iconUrl: d.iconUrl, children: grow(d._id, depth + 1) }));
  return grow(null, 1);
}

export const categories: ActionDef<Record<string, never>, CategoryTree> = {
  input: empty,
  async run() {
    const docs = await repo.find('categories', { status: 'active' }, { limit: MAX_CATEGORIES });
    return { categories: buildTree(docs) };
  },
};
