/**
 * Uploading a picture the user picked (a temp file path from `wx.chooseMedia`) to cloud storage with
 * `wx.cloud.uploadFile`; the result is the `cloud://` fileID that functions store. Never throws.
 * In local mode the picture goes to the emulator's client upload gateway (`local/upload.ts`, not in
 * uploads), and the answer is the file's emulator URL, which requests carry back to functions as
 * the fileID.
 */
import { resolveEnv } from '../config/env';
import type { Result } from './contracts';
import { loadLocalModule } from './local-module';
import { signIn } from './user';

function extensionOf(path: string): string {
  const match = /\.([a-zA-Z0-9]{1,5})$/.exec(path);
  return match ? match[1]!.toLowerCase() : 'jpg';
}

/** Uploads under `<folder>/<time>-<random>.<ext>` and answers the fileID. */
export async function uploadImage(filePath: string, folder: string): Promise<Result<string>> {
  const env = resolveEnv();
  const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extensionOf(filePath)}`;
  if (env.mode === 'local') {
    const local = loadLocalModule(() => require('../local/upload') as typeof import('../local/upload'));
    if (!local) return { ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } };
    return local.uploadToEmulator(filePath, cloudPath, env);
  }
  try {
    const res = await wx.cloud.uploadFile({ cloudPath, filePath });
    return { ok: true, data: res.fileID };
  } catch (failure) {
    console.warn('[services] uploadFile failed:', failure);
    return { ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } };
  }
}

/** The private folders, one per kind; the functions accept only files in the caller's own (server/private-files.ts). */
const PRIVATE_FOLDERS = { licence: 'private/licence', aftersale: 'private/aftersale' } as const;

let ownOpenid: Promise<string | null> | null = null;

/** The caller's OPENID: the dev identity in local mode, otherwise asked once from user.signIn. */
async function callerOpenid(): Promise<string | null> {
  const env = resolveEnv();
  if (env.mode === 'local') return env.devOpenid;
  ownOpenid ??= signIn().then((r) => (r.ok ? r.data.openid : null));
  const openid = await ownOpenid;
  if (!openid) ownOpenid = null; // ask again next time
  return openid;
}

/**
 * Uploads a private picture (a shop licence, an after-sale photo) into the caller's own folder
 * `private/<kind>/<OPENID>/`, which storage keeps from public reads; others see it only through a
 * temp link a function issues to those allowed. Answers the fileID (in local mode, a link the
 * uploader may read, which requests carry back to functions as the fileID).
 */
export async function uploadPrivateImage(filePath: string, kind: keyof typeof PRIVATE_FOLDERS): Promise<Result<string>> {
  const openid = await callerOpenid();
  if (!openid) return { ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } };
  return uploadImage(filePath, `${PRIVATE_FOLDERS[kind]}/${openid}`);
}

export interface ChooseImagesOptions {
  /** At most this many pictures (1..9). */
  count: number;
  /** Offer the camera besides the album. */
  camera?: boolean;
  /** Let WeChat compress the pictures (default true). */
  compressed?: boolean;
}

/** Lets the user pick pictures with `wx.chooseMedia`; the temp file paths, or none when cancelled. */
export async function chooseImages(options: ChooseImagesOptions): Promise<string[]> {
  try {
    const picked = await wx.chooseMedia({
      count: options.count,
      mediaType: ['image'],
      ...(options.camera ? { sourceType: ['album', 'camera'] as Array<'album' | 'camera'> } : {}),
      ...(options.compressed === false ? {} : { sizeType: ['compressed'] as Array<'compressed'> }),
    });
    return picked.tempFiles.map((file) => file.tempFilePath);
  } catch {
    return []; // cancelled
  }
}
