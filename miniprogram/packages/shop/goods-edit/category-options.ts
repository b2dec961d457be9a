import type { CategoryNode } from '../../../services/contracts';

export interface CascaderOption {
  label: string;
  value: string;
  /** Absent on leaves: the cascader finishes there. */
  children?: CascaderOption[];
}

/** The category tree as cascader options; a goods item is filed under a leaf. */
export function categoryOptions(nodes: CategoryNode[]): CascaderOption[] {
  return nodes.map((n) => (n.children.length ? { label: n.name, value: n.id, children: categoryOptions(n.children) } : { label: n.name, value: n.id }));
}
