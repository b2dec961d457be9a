/**
 * Development only, left out of uploads like the rest of `local/`: the emulator's stand-in for
 * `wx.cloud.uploadFile` (`POST <localBaseUrl>/gateway/storage/upload`, emulator/docs/storage.md),
 * called with `wx.uploadFile`. Refuses to run where local mode is not allowed (config/env.ts).
 */
import { type EnvConfig, localModeAllowed } from '../config/env';
import { rememberFileUrl, rewriteCloudFileIds } from '../services/cloud-file-url';
import type { Result } from '../services/contracts';
import { LOCAL_MODE_REFUSED } from './gateway-transport';

export function uploadToEmulator(filePath: string, cloudPath: string, env: EnvConfig): Promise<Result<string>> {
  return new Promise((resolve) => {
    const failed = (why: unknown) => {
      console.warn('[services] local upload failed:', why);
      resolve({ ok: false, error: { code: 'NETWORK', message: '图片上传失败，请重试' } });
    };
    if (!localModeAllowed()) {
      failed(LOCAL_MODE_REFUSED);
      return;
    }
    wx.uploadFile({
      url: `${env.localBaseUrl}/gateway/storage/upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: { 'x-wx-openid': env.devOpenid },
      success: ({ statusCode, data }) => {
        let answer: { fileID?: unknown; errMsg?: unknown; tempFileURL?: unknown } = {};
        try {
          answer = typeof data === 'string' ? JSON.parse(data) : (data as typeof answer);
        } catch {
          // not JSON: reported below
        }
        // Pages show what they get, and DevTools cannot render a file id: hand out the emulator URL,
        // which the local transport turns back into the file id in any request (cloud-file-url.ts).
        // A private file (private/...) is not served at its plain URL: the gateway adds a signed link
        // the uploader may read, and requests carry it back as the file id just the same.
        if (statusCode === 200 && typeof answer.fileID === 'string' && typeof answer.tempFileURL === 'string') {
          rememberFileUrl(answer.tempFileURL, answer.fileID);
          resolve({ ok: true, data: answer.tempFileURL });
        } else if (statusCode === 200 && typeof answer.fileID === 'string') resolve({ ok: true, data: rewriteCloudFileIds(answer.fileID, env.localBaseUrl) });
        else failed(answer.errMsg ?? `HTTP ${statusCode}`);
      },
      fail: failed,
    });
  });
}
