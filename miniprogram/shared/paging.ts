/** Lists that load page by page. */

export const PAGE_SIZE = 20;

/** The paging part of a list request: the cursor only after the first page. */
export function pageRequest(cursor: string | null, pageSize: number): { cursor?: string; pageSize: number } {
  return cursor ? { cursor, pageSize } : { pageSize };
}

/**
 * setData paths that append `items` to the list `field`, which holds `length` items: only the new
 * page crosses to the view layer, not the whole list (setData cost grows with what is sent).
 */
export function appendPaths<T>(field: string, length: number, items: T[]): Record<string, T> {
  const paths: Record<string, T> = {};
  items.forEach((item, index) => {
    paths[`${field}[${length + index}]`] = item;
  });
  return paths;
}
