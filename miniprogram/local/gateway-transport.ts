/**
 * Development only, left out of uploads (project.config.json `packOptions.ignore`): the transport
 * to the local emulator. services/cloud.ts loads it only in local mode, and it refuses to run where
 * local mode is not allowed (config/env.ts `localModeAllowed`), so even a build that still held it
 * could not send a call with a made-up identity anywhere.
 */
import { type EnvConfig, localModeAllowed } from '../config/env';
import { restoreCloudFileIds, rewriteCloudFileIds } from '../services/cloud-file-url';
import { fromCloudFailure, TransportError, type Transport } from '../services/transport';

/** Must match the emulator's gateway; it takes the caller's identity from these headers. */
const LOCAL_APPID = 'wx-local-dev';
const REQUEST_TIMEOUT_MS = 20000;

export const LOCAL_MODE_REFUSED = 'local mode is refused outside the develop version in DevTools (config/env.ts)';

/**
 * Local development: `POST <localBaseUrl>/gateway/functions/<name>` on the emulator. The gateway
 * answers 200 with what `wx.cloud.callFunction` would resolve with (`{result, requestID, errMsg}`)
 * or, when the function failed, with `{errCode, errMsg}`. File ids in the result become emulator
 * storage URLs, and those URLs become file ids again in later requests (see cloud-file-url.ts).
 */
export function localGatewayTransport(env: Pick<EnvConfig, 'localBaseUrl' | 'devOpenid'>): Transport {
  return ({ name, data }) =>
    new Promise((resolve, reject) => {
      if (!localModeAllowed()) {
        reject(new TransportError('NETWORK', LOCAL_MODE_REFUSED));
        return;
      }
      wx.request({
        url: `${env.localBaseUrl}/gateway/functions/${encodeURIComponent(name)}`,
        method: 'POST',
        data: restoreCloudFileIds(data),
        timeout: REQUEST_TIMEOUT_MS,
        header: { 'content-type': 'application/json', 'x-wx-openid': env.devOpenid, 'x-wx-appid': LOCAL_APPID },
        success: ({ statusCode, data: body }) => {
          if (statusCode !== 200) {
            reject(new TransportError('NETWORK', `gateway answered HTTP ${statusCode}`));
            return;
          }
          const answer = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
          if (answer.errMsg === 'cloud.callFunction:ok') resolve(rewriteCloudFileIds(answer.result, env.localBaseUrl));
          else reject(fromCloudFailure(answer));
        },
        fail: (failure) => reject(new TransportError('NETWORK', failure.errMsg)),
      });
    });
}
