/**
 * Where the mini-program sends its cloud function calls, decided at run time.
 *
 * - `cloud`: `wx.cloud.callFunction` against the CloudBase environment {@link CLOUD_ENV_ID}
 *   (`config/cloud-env.ts`, written by `npm run deploy`; empty means the default environment);
 *   WeChat supplies the caller's identity.
 * - `local`: the emulator's HTTP gateway at `localBaseUrl`; the caller's identity is the dev openid
 *   sent in the `x-wx-openid` header (`local/gateway-transport.ts`).
 *
 * Local mode is a development tool and must never reach a shopper: it is allowed only in the
 * develop version (`envVersion === 'develop'`) and only inside DevTools' simulator
 * (`platform === 'devtools'`) or when a developer switched it on (the `local` flag of the dev
 * override in wx storage, which counts only in the develop version too). Everywhere else the
 * mini-program is in cloud mode, whatever storage holds, and the local transport refuses to run.
 * With no cloud env id configured, DevTools runs in local mode; with one, in cloud mode unless the
 * developer switched local on in the dev menu (`packages/dev/identity`). The dev menu and the local
 * transport are left out of uploads (`packOptions.ignore` in project.config.json). See
 * miniprogram/README.md.
 */
import { CLOUD_ENV_ID } from './cloud-env';

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

/** Local mode's defaults, which the dev menu may override at run time. */
export const LOCAL_DEFAULTS = {
  localBaseUrl: 'http://127.0.0.1:9000',
  devOpenid: 'dev-shopper-1',
} as const;

/** The identities the emulator's seed data knows about, offered by the dev menu. */
export const DEV_IDENTITIES = [
  { openid: 'dev-shopper-1', label: '顾客' },
  { openid: 'dev-merchant-1', label: '商家' },
  { openid: 'dev-admin-1', label: '平台管理员' },
] as const;

/** What the dev menu may change at run time (honoured only in the develop version). */
export interface DevOverride {
  devOpenid?: string;
  localBaseUrl?: string;
  /** Use the local emulator although a cloud env id is configured, or outside DevTools' simulator. */
  local?: boolean;
}

export const DEV_OVERRIDE_STORAGE_KEY = 'cloudmall.dev-override';

function envVersion(): string {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return 'unknown';
  }
}

function platform(): string {
  try {
    return wx.getSystemInfoSync().platform;
  } catch {
    return 'unknown';
  }
}

/** The develop version (DevTools, or real-device preview / debugging of it); not trial, not release. */
export function isDevelopVersion(): boolean {
  return envVersion() === 'develop';
}

/** The develop version running in DevTools' simulator. */
export function isDevTools(): boolean {
  return isDevelopVersion() && platform() === 'devtools';
}

function readOverride(): DevOverride {
  if (!isDevelopVersion()) return {};
  const stored: unknown = wx.getStorageSync(DEV_OVERRIDE_STORAGE_KEY);
  if (!stored || typeof stored !== 'object') return {};
  const { devOpenid, localBaseUrl, local } = stored as Record<string, unknown>;
  return {
    ...(typeof devOpenid === 'string' && devOpenid ? { devOpenid } : {}),
    ...(typeof localBaseUrl === 'string' && localBaseUrl ? { localBaseUrl } : {}),
    ...(local === true ? { local } : {}),
  };
}

/**
 * Whether the local emulator may be called at all: the develop version, in DevTools' simulator or
 * switched on by a developer. The local transport checks it on every call.
 */
export function localModeAllowed(): boolean {
  return isDevelopVersion() && (platform() === 'devtools' || readOverride().local === true);
}

/** The backend for the next call: see the module comment. */
export function resolveEnv(): EnvConfig {
  const override = readOverride();
  const local = localModeAllowed() && (!CLOUD_ENV_ID || override.local === true);
  if (!local) return { mode: 'cloud', cloudEnvId: CLOUD_ENV_ID, ...LOCAL_DEFAULTS };
  return {
    mode: 'local',
    cloudEnvId: CLOUD_ENV_ID,
    localBaseUrl: override.localBaseUrl ?? LOCAL_DEFAULTS.localBaseUrl,
    devOpenid: override.devOpenid ?? LOCAL_DEFAULTS.devOpenid,
  };
}

/** Stores a dev override (develop version only); later calls see it at once, no restart needed. */
export function saveDevOverride(change: DevOverride): void {
  if (!isDevelopVersion()) return;
  wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { ...readOverride(), ...change });
}

export function clearDevOverride(): void {
  wx.removeStorageSync(DEV_OVERRIDE_STORAGE_KEY);
}
