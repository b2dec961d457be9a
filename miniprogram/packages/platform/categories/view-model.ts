import type { AdminCategoryNode } from '../../../services/contracts';
import { PLATFORM_LIMITS } from '../../../services/contracts';

/** One line of the tree as the page lists it: depth-first, indented by level. */
export interface CategoryRow {
  id: string;
  name: string;
  level: number;
  parentId: string | null;
  path: string[];
  sort: number;
  iconUrl: string;
  hidden: boolean;
  /** Hidden itself or under a hidden ancestor: shoppers do not see it. */
  hiddenByAncestor: boolean;
  childCount: number;
  canAddChild: boolean;
  meta: string;
}

export function flattenTree(nodes: AdminCategoryNode[], ancestorHidden = false): CategoryRow[] {
  return nodes.flatMap((n) => {
    const hidden = n.status === 'hidden';
    const row: CategoryRow = {
      id: n.id,
      name: n.name,
      level: n.level,
      parentId: n.parentId,
      path: n.path,
      sort: n.sort,
      iconUrl: n.iconUrl,
      hidden,
      hiddenByAncestor: ancestorHidden && !hidden,
      childCount: n.children.length,
      canAddChild: n.level < PLATFORM_LIMITS.categoryLevels,
      meta: `${n.level}级 · 排序 ${n.sort}${n.children.length ? ` · ${n.children.length} 个子分类` : ''}`,
    };
    return [row, ...flattenTree(n.children, ancestorHidden || hidden)];
  });
}

export interface ParentOption {
  id: string | null;
  label: string;
}

export const TOP_LEVEL: ParentOption = { id: null, label: '无（一级分类）' };

/**
 * Where a category may go: the top, or under a category with room for it and its subtree (three
 * levels at most), never under itself or its own descendants. `editingId` is absent for a new one.
 */
export function parentOptions(rows: CategoryRow[], editingId?: string): ParentOption[] {
  const editing = editingId ? rows.find((r) => r.id === editingId) : undefined;
  const height = editing ? 1 + Math.max(0, ...rows.filter((r) => r.path.includes(editing.id)).map((r) => r.level - editing.level)) : 1;
  const options = rows
    .filter((r) => !(editing && r.path.includes(editing.id)) && r.level + height <= PLATFORM_LIMITS.categoryLevels)
    .map((r) => ({ id: r.id, label: `${'　'.repeat(r.level - 1)}${r.name}` }));
  return [TOP_LEVEL, ...options];
}

export interface CategoryForm {
  id: string;
  name: string;
  sort: string;
  iconUrl: string;
  parentIndex: number;
}

/** The form's sort field as an integer, or null when it is not one (-9999..9999). */
export function parseSort(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^-?\d{1,4}$/.test(trimmed)) return null;
  return Number(trimmed);
}
