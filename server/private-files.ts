/**
 * Private pictures: shop licences and after-sale photos. The mini-program uploads them under a
 * private folder of its own, `private/<kind>/<OPENID>/<file>` (services/upload.ts
 * `uploadPrivateImage`), which the storage rule keeps from public reads (the emulator refuses a
 * plain download of anything under `private/`). A function accepts such a file id only under the
 * caller's own folder, and shows the picture only through a short-lived `getTempFileURL` link it
 * issues to those allowed (the functions call these helpers after their role checks). Goods
 * pictures, logos, banners and review photos stay public.
 */
import { cloud } from './cloud';
import { fail } from './failure';
import { logEvent } from './log';

export const PRIVATE_FOLDERS = { licence: 'private/licence', aftersale: 'private/aftersale' } as const;
export type PrivateKind = keyof typeof PRIVATE_FOLDERS;

/** How long a link to a private picture works (seconds). */
export const PRIVATE_URL_MAX_AGE_S = 3600;
/** CloudBase answers at most 50 files per getTempFileURL call. */
const TEMP_URL_BATCH = 50;

const FILE_ID = /^cloud:\/\/[^./\s]+\.[^/\s]+\/(.+)$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Whether `fileId` names a file in the caller's own private folder of `kind`. */
export function isOwnPrivateFile(fileId: string, kind: PrivateKind, openid: string): boolean {
  const path = FILE_ID.exec(fileId)?.[1];
  if (!path || !openid) return false;
  const folder = `${PRIVATE_FOLDERS[kind]}/${openid}/`;
  return path.startsWith(folder) && FILE_NAME.test(path.slice(folder.length)) && !path.includes('..');
}

/** Refuses (INVALID_ARGUMENT, nothing changed) a file id outside the caller's own private folder of `kind`. */
export function requireOwnPrivateFiles(fileIds: readonly string[], kind: PrivateKind, openid: string): void {
  const foreign = fileIds.filter((id) => !isOwnPrivateFile(id, kind, openid));
  if (foreign.length === 0) return;
  logEvent('private_file_refused', { kind, openid, count: foreign.length });
  fail('INVALID_ARGUMENT', '图片无效，请重新上传', { folder: `${PRIVATE_FOLDERS[kind]}/<OPENID>/` });
}

/**
 * Temp URLs of `fileIds` (one getTempFileURL call per 50); a file that cannot be linked (deleted,
 * not a file id) maps to ''. Never throws: a page without a picture beats a page without data.
 */
export async function tempUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds.filter((id) => id.startsWith('cloud://')))];
  const urls = new Map<string, string>();
  for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
    const fileList = unique.slice(i, i + TEMP_URL_BATCH).map((fileID) => ({ fileID, maxAge: PRIVATE_URL_MAX_AGE_S }));
    try {
      const res = (await cloud.getTempFileURL({ fileList })) as { fileList?: Array<{ fileID: string; tempFileURL?: string; status?: number }> };
      for (const f of res.fileList ?? []) urls.set(f.fileID, f.status === 0 || f.status === undefined ? (f.tempFileURL ?? '') : '');
    } catch (e) {
      logEvent('temp_url_failed', { count: fileList.length, error: String((e as Error)?.message ?? e) });
    }
  }
  return urls;
}
