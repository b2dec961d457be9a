import { _ } from '../../../server/cloud';
import type { CategoryDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** A category tree is small (hundreds of nodes): one read takes all of it, as the catalog does. */
export const MAX_CATEGORIES = 1000;
export const CATEGORY_STATUSES: Array<CategoryDoc['status']> = ['active', 'hidden'];
const GOODS_STATUSES = ['on_shelf', 'off_shelf'];

/** Every category, hidden ones too (through the `by_status` index). */
export function allCategories(): Promise<CategoryDoc[]> {
  return repo.find('categories', { status: _.in(CATEGORY_STATUSES) }, { limit: MAX_CATEGORIES });
}

/**
 * Goods filed under the category or anywhere below it: goods carry the whole path in `categoryIds`
 * (root first), so one indexed count (`by_status_category`) covers the subtree.
 */
export function goodsUnder(categoryId: string): Promise<number> {
  return repo.count('goods', { status: _.in(GOODS_STATUSES), categoryIds: categoryId });
}

/** Levels the subtree under `id` spans, itself included (1 for a leaf). */
export function subtreeHeight(id: string, all: CategoryDoc[]): number {
  const below = all.filter((d) => d.path.includes(id) && d._id !== id);
  const self = all.find((d) => d._id === id);
  if (!self) return 1;
  return 1 + below.reduce((h, d) => Math.max(h, d.path.length - self.path.length), 0);
}
