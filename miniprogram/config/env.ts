/**
 * Where the mini-program sends its cloud function calls.
 *
 * - `cloud`: `wx.cloud.callFunction` against the CloudBase environment `cloudEnvId`; WeChat supplies
 *   the caller's identity.
 * - `local`: the emulator's HTTP gateway at `localBaseUrl`; the caller's identity is the dev openid
 *   sent in the `x-wx-openid` header.
 *
 * The committed defaults below are for local development. A developer may change `devOpenid` and
 * `localBaseUrl` at run time (the dev menu stores an override in wx storage, see
 * `packages/dev/identity`); release builds ignore that override. See miniprogram/README.md.
 */

export type BackendMode = 'local' | 'cloud';

export interface EnvConfig {
  readonly mode: BackendMode;
  /** CloudBase environment id, used in `cloud` mode. Empty means the default environment. */
  readonly cloudEnvId: string;
  /** Base URL of the emulator, used in `local` mode. A phone needs the LAN address of the dev machine. */
  readonly localBaseUrl: string;
  /** The openid the emulator treats as the caller in `local` mode. */
  readonly devOpenid: string;
}

export const ENV: EnvConfig = {
  mode: 'local',
  cloudEnvId: '',
  localBaseUrl: 'http://127.0.0.1:9000',
  devOpenid: 'dev-shopper-1',
};

/** The identities the emulator's seed data knows about, offered by the dev menu. */
export const DEV_IDENTITIES = [
  { openid: 'dev-shopper-1', label: '顾客' },
  { openid: 'dev-merchant-1', label: '商家' },
  { openid: 'dev-admin-1', label: '平台管理员' },
] as const;

/** What the dev menu may change at run time. */
export interface DevOverride {
  devOpenid?: string;
  localBaseUrl?: string;
}

export const DEV_OVERRIDE_STORAGE_KEY = 'cloudmall.dev-override';

function isReleaseBuild(): boolean {
  return wx.getAccountInfoSync().miniProgram.envVersion === 'release';
}

function readOverride(): DevOverride {
  const stored: unknown = wx.getStorageSync(DEV_OVERRIDE_STORAGE_KEY);
  if (!stored || typeof stored !== 'object') return {};
  const { devOpenid, localBaseUrl } = stored as Record<string, unknown>;
  return {
    ...(typeof devOpenid === 'string' && devOpenid ? { devOpenid } : {}),
    ...(typeof localBaseUrl === 'string' && localBaseUrl ? { localBaseUrl } : {}),
  };
}

/** The committed config with the dev override applied (outside release builds). */
export function resolveEnv(): EnvConfig {
  if (isReleaseBuild()) return ENV;
  return { ...ENV, ...readOverride() };
}

/** Stores a dev override; later calls see it at once, no restart needed. */
export function saveDevOverride(change: DevOverride): void {
  wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { ...readOverride(), ...change });
}

export function clearDevOverride(): void {
  wx.removeStorageSync(DEV_OVERRIDE_STORAGE_KEY);
}
