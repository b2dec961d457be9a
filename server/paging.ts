import type { Page } from '../miniprogram/contracts';
import { decodeCursor } from './input';

/** Page size when the client sends none. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Reads one page of an offset-paged list. It asks for one row more than the page to know whether
 * another page follows, so the last page always has `nextCursor: null` (never an empty extra page).
 * `read` must order by a unique tie-breaker (`_id`) so that pages neither repeat nor skip rows.
 */
export async function readPage<T>(cursor: string | undefined, pageSize: number | undefined, read: (skip: number, limit: number) => Promise<T[]>): Promise<Page<T>> {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  const offset = decodeCursor(cursor);
  const rows = await read(offset, size + 1);
  const more = rows.length > size;
  return { items: rows.slice(0, size), nextCursor: more ? (offset + size).toString(36) : null };
}

/** Maps the items of a page, keeping its cursor. */
export async function mapPage<T, U>(page: Page<T>, map: (items: T[]) => Promise<U[]> | U[]): Promise<Page<U>> {
  return { items: await map(page.items), nextCursor: page.nextCursor };
}
