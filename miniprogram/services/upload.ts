/**
 * Uploading a picture the user picked (a temp file path from `wx.chooseMedia`) to cloud storage with
 * `wx.cloud.uploadFile`; the result is the `cloud://` fileID that functions store. Never throws.
 * In local mode the picture goes to the emulator's client upload gateway
 * (`POST <localBaseUrl>/gateway/storage/upload`, emulator/docs/storage.md), and the answer is the
 * file's emulator URL, which requests carry back to functions as the fileID.
 */
import { type EnvConfig, resolveEnv } from '../config/env';
import { rewriteCloudFileIds } from './cloud-file-url';
import type { Result } from './contracts';

function extensionOf(path: string): string {
  const match = /\.([a-zA-Z0-9]{1,5})$/.exec(path);
  return match ? match[1]!.toLowerCase() : 'jpg';
}

/** Uploads under `<folder>/<time>-<random>.<ext>` and answers the fileID. */
export async function uploadImage(filePath: string, folder: string): Promise<Result<string>> {
  const env = resolveEnv();
  const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extensionOf(filePath)}`;
  if (env.mode !== 'cloud') return uploadToEmulator(filePath, cloudPath, env);
  try {
    const res = await wx.cloud.uploadFile({ cloudPath, filePath });
    return { ok: true, data: res.fileID };
  } catch (failure) {
    console.warn('[services] uploadFile failed:', failure);
    return { ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } };
  }
}

/** Local mode: the emulator's stand-in for `wx.cloud.uploadFile`, called with `wx.uploadFile`. */
function uploadToEmulator(filePath: string, cloudPath: string, env: EnvConfig): Promise<Result<string>> {
  return new Promise((resolve) => {
    const failed = (why: unknown) => {
      console.warn('[services] local upload failed:', why);
      resolve({ ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } });
    };
    wx.uploadFile({
      url: `${env.localBaseUrl}/gateway/storage/upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: { 'x-wx-openid': env.devOpenid },
      success: ({ statusCode, data }) => {
        let answer: { fileID?: unknown; errMsg?: unknown } = {};
        try {
          answer = typeof data === 'string' ? JSON.parse(data) : (data as typeof answer);
        } catch {
          // not JSON: reported below
        }
        // Pages show what they get, and DevTools cannot render a file id: hand out the emulator URL,
        // which the local transport turns back into the file id in any request (cloud-file-url.ts).
        if (statusCode === 200 && typeof answer.fileID === 'string') resolve({ ok: true, data: rewriteCloudFileIds(answer.fileID, env.localBaseUrl) });
        else failed(answer.errMsg ?? `HTTP ${statusCode}`);
      },
      fail: failed,
    });
  });
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
