/**
 * Local mode only. Functions return images as CloudBase file ids (`cloud://<env>.<bucket>/<path>`),
 * which `<image>` renders directly on WeChat; DevTools pointed at the emulator cannot, so the local
 * gateway transport rewrites every such string in a result to the emulator's storage URL,
 * `<localBaseUrl>/storage/<bucket>/<path>` (see emulator/docs/storage.md).
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

function rewrite(value: unknown, base: string): unknown {
  if (typeof value === 'string') return value.startsWith('cloud://') ? localFileUrl(value, base) ?? value : value;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const rewritten = rewrite(item, base);
      if (rewritten !== item) changed = true;
      return rewritten;
    });
    return changed ? next : value;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rewritten = rewrite(item, base);
      if (rewritten !== item) changed = true;
      next[key] = rewritten;
    }
    return changed ? next : value;
  }
  return value;
}
