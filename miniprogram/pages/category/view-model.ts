import type { CategoryNode } from '../../services/contracts';

export interface CategoryEntry {
  id: string;
  name: string;
  iconUrl: string;
}

/** A block of the right-hand side: a titled sub-category with its own children, or the untitled leaves. */
export interface CategorySection {
  /** The sub-category the title opens; empty for the untitled block. */
  id: string;
  title: string;
  entries: CategoryEntry[];
}

const entryOf = (node: CategoryNode): CategoryEntry => ({ id: node.id, name: node.name, iconUrl: node.iconUrl });

/**
 * Lays out the children of a top category: children without children of their own share one
 * untitled grid (first); each child with children gets a titled grid of those.
 */
export function toSections(top: CategoryNode): CategorySection[] {
  const leaves = top.children.filter((child) => child.children.length === 0);
  const branches = top.children.filter((child) => child.children.length > 0);
  const sections: CategorySection[] = leaves.length ? [{ id: '', title: '', entries: leaves.map(entryOf) }] : [];
  return sections.concat(branches.map((branch) => ({ id: branch.id, title: branch.name, entries: branch.children.map(entryOf) })));
}
