/**
 * Loading a list page by page (search results, orders, coupons): the first page with its
 * loading / empty / error states, pull-down refresh that keeps the list on screen, and "load more"
 * on reaching the bottom, which appends only the new page (see appendPaths).
 */
import type { Page, Result } from '../contracts';
import { LatestRequest } from './latest-request';
import type { PageStatus } from './page-status';
import { appendPaths } from './paging';

export interface PagedListState<V> {
  status: PageStatus;
  errorMessage: string;
  items: V[];
  /** Null on the last page. */
  nextCursor: string | null;
  loadingMore: boolean;
  /** The last "load more" failed: the footer offers to try again. */
  loadMoreFailed: boolean;
}

export function initialListState<V>(): PagedListState<V> {
  return { status: 'loading', errorMessage: '', items: [], nextCursor: null, loadingMore: false, loadMoreFailed: false };
}

/** The page (a Component instance) that shows the list. */
export interface ListHost<V> {
  readonly data: PagedListState<V>;
  setData(patch: Record<string, unknown>): void;
}

export type FetchPage<T> = (cursor: string | null) => Promise<Result<Page<T>>>;

const latest = new LatestRequest();
/** Hosts whose first page is loading: "load more" waits for it. */
const loadingFirstPage = new WeakSet<object>();
/** The token of each host's current first-page load, for "load more" to check its answer against. */
const currentToken = new WeakMap<object, number>();

/**
 * Loads the first page. `reload` shows the loading state (a new filter, a new tab); `refresh`
 * keeps what is on screen while it loads and, should it fail, keeps it and says why in a toast.
 */
export async function loadFirstPage<T, V>(host: ListHost<V>, fetchPage: FetchPage<T>, toView: (item: T) => V, mode: 'reload' | 'refresh' = 'reload'): Promise<void> {
  const token = latest.begin(host);
  currentToken.set(host, token);
  loadingFirstPage.add(host);
  const keepOnScreen = mode === 'refresh' && host.data.status === 'ready';
  if (!keepOnScreen) host.setData({ status: 'loading', errorMessage: '', items: [], nextCursor: null, loadingMore: false, loadMoreFailed: false });
  const result = await fetchPage(null);
  if (!latest.isLatest(host, token)) return;
  loadingFirstPage.delete(host);
  if (!result.ok) {
    if (keepOnScreen) void wx.showToast({ title: result.error.message, icon: 'none' });
    else host.setData({ status: 'error', errorMessage: result.error.message });
    return;
  }
  const items = result.data.items.map(toView);
  host.setData({ status: items.length ? 'ready' : 'empty', errorMessage: '', items, nextCursor: result.data.nextCursor, loadingMore: false, loadMoreFailed: false });
}

/** Appends the next page, if there is one and nothing else is loading. */
export async function loadNextPage<T, V>(host: ListHost<V>, fetchPage: FetchPage<T>, toView: (item: T) => V): Promise<void> {
  const { status, nextCursor, loadingMore } = host.data;
  if (status !== 'ready' || !nextCursor || loadingMore || loadingFirstPage.has(host)) return;
  const token = currentToken.get(host);
  host.setData({ loadingMore: true, loadMoreFailed: false });
  const result = await fetchPage(nextCursor);
  // A reload or refresh started meanwhile owns the list now.
  if (token === undefined || !latest.isLatest(host, token)) return;
  if (!result.ok) {
    host.setData({ loadingMore: false, loadMoreFailed: true });
    return;
  }
  host.setData({
    ...appendPaths('items', host.data.items.length, result.data.items.map(toView)),
    nextCursor: result.data.nextCursor,
    loadingMore: false,
  });
}
