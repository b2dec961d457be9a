import path from 'node:path';

/** CloudBase limits a cloud path to 850 bytes of UTF-8. */
export const MAX_CLOUD_PATH_BYTES = 850;
/** Each path segment becomes a file or folder name on disk, and most file systems stop at 255 bytes. */
export const MAX_SEGMENT_BYTES = 255;

// Control characters, plus `?` and `#`: CloudBase hands out temp URLs with the path unencoded
// and the SDK only runs `encodeURI` over them, so a `?` or `#` in a name would cut the URL short.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f\\?#]/;

/**
 * Why `cloudPath` cannot name a stored file, or undefined when it can.
 * Besides CloudBase's own rules (not empty, no leading `/`, no `//`, at most 850 bytes) the emulator
 * refuses what would be unsafe or ambiguous on a local disk: `.` and `..` segments, backslashes,
 * control characters, a trailing `/`, and `?`/`#`, which break the temp URL in real CloudBase too.
 */
export function cloudPathProblem(cloudPath: unknown): string | undefined {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath must be a non-empty string';
  if (Buffer.byteLength(cloudPath, 'utf8') > MAX_CLOUD_PATH_BYTES) return `cloudPath must be at most ${MAX_CLOUD_PATH_BYTES} bytes`;
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with "/"';
  if (FORBIDDEN_CHARS.test(cloudPath)) return 'cloudPath must not contain control characters, "\\", "?" or "#"';
  for (const segment of cloudPath.split('/')) {
    if (segment === '') return 'cloudPath must not contain "//" or end with "/"';
    if (segment === '.' || segment === '..') return 'cloudPath must not contain "." or ".." segments';
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `each part of cloudPath must be at most ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

/**
 * Joins `parts` under `root` and proves the result stays inside it. Callers validate cloud paths
 * first; this is the second line of defence against a path escaping the storage folder.
 */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = path.resolve(root);
  const full = path.resolve(base, ...parts);
  if (!full.startsWith(base + path.sep)) throw new Error(`path escapes the storage folder: ${parts.join('/')}`);
  return full;
}

/** Percent-encodes each segment, keeping the `/` separators (for URLs the SDK uses as they are). */
export function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

/**
 * Decodes one URL path segment. A `%` that does not start a valid escape is kept as it is, as COS
 * does, so a temp URL with a raw `%` in the file name still resolves.
 */
export function decodeSegment(segment: string): string {
  return segment.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
