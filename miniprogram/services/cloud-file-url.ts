/**
 * Local mode only. Functions return images as CloudBase file ids (`cloud://<env>.<bucket>/<path>`),
 * which `<image>` renders directly on WeChat; DevTools pointed at the emulator cannot, so the local
 * gateway transport rewrites every such string in a result to the emulator's storage URL,
 * `<localBaseUrl>/storage/<bucket>/<path>` (see emulator/docs/storage.md).
 *
 * The way back matters as much: a page that edits a record (a banner, a goods item, shop
 * settings) sends its images back as it got them, so the transport turns every URL it handed out
 * back into its file id before a request leaves ({@link restoreCloudFileIds}); functions never
 * store an emulator address.
 */

const FILE_ID = /^cloud:\/\/[^./]+\.([^/]+)\/(.+)$/s;

/** The emulator URL serving a file id, or null when `value` is not a file id. */
export function localFileUrl(value: string, localBaseUrl: string): string | null {
  const match = FILE_ID.exec(value);
  if (!match) return null;
  const [, bucket = '', cloudPath = ''] = match;
  const base = localBaseUrl.replace(/\/+$/, '');
  const encodedPath = cloudPath.split('/').map(encodeURIComponent).join('/');
  return `${base}/storage/${encodeURIComponent(bucket)}/${encodedPath}`;
}

/**
 * Returns `value` with every file id string, at any depth of arrays and plain objects, replaced by
 * its emulator URL. Values without file ids come back as they were (the same object).
 */
export function rewriteCloudFileIds<T>(value: T, localBaseUrl: string): T {
  return rewrite(value, localBaseUrl) as T;
}

/** Emulator URLs handed out by {@link rewriteCloudFileIds}, with the file id each stands for. */
const handedOut = new Map<string, string>();

/** Records a link handed out for `fileId` some other way (a private upload's signed link), so requests carry the file id back. */
export function rememberFileUrl(url: string, fileId: string): void {
  handedOut.set(url, fileId);
}

/** Returns `value` with every emulator URL this module handed out replaced by its file id again. */
export function restoreCloudFileIds<T>(value: T): T {
  if (handedOut.size === 0) return value;
  return map(value, (s) => handedOut.get(s) ?? s) as T;
}

function rewrite(value: unknown, base: string): unknown {
  return map(value, (s) => {
    if (!s.startsWith('cloud://')) return s;
    const url = localFileUrl(s, base);
    if (url === null) return s;
    handedOut.set(url, s);
    return url;
  });
}

/** Applies `change` to every string at any depth; unchanged parts keep their identity. */
function map(value: unknown, change: (s: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const rewritten = map(item, change);
      if (rewritten !== item) changed = true;
      return rewritten;
    });
    return changed ? next : value;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rewritten = map(item, change);
      if (rewritten !== item) changed = true;
      next[key] = rewritten;
    }
    return changed ? next : value;
  }
  return value;
}
