/**
 * Production settings: a function's environment variables (WeChat Pay sub-merchant id, subscribe
 * template ids, ...). A missing one never falls back to a sample value in production: the first
 * call that needs it fails with `SETTING_MISSING` before it changes anything, and the miss is
 * logged (`setting_missing`). Only the local emulator, whose mall harnesses set
 * `CLOUDMALL_ALLOW_SAMPLE_SETTINGS=1` (`npm start`, test/support/mall.ts), gets the samples, which
 * its emulated WeChat Pay and subscribe messages accept.
 */
import { fail } from './failure';
import { logEvent } from './log';

/** Set to `1` only by the local emulator's harnesses: missing settings then take their samples. */
export const ALLOW_SAMPLE_SETTINGS_ENV = 'CLOUDMALL_ALLOW_SAMPLE_SETTINGS';

/** The WeChat Pay sub-merchant bound to the env, on `order`, `payment` and `aftersale`. */
export const WXPAY_SUB_MCH_ID_ENV = 'WXPAY_SUB_MCH_ID';

export function sampleSettingsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ALLOW_SAMPLE_SETTINGS_ENV] === '1';
}

/**
 * The value of setting `name`; its `sample` only under the local emulator. Throws the
 * `SETTING_MISSING` failure otherwise: call it before the first write of an action that needs it.
 */
export function setting(name: string, sample: string): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  if (sampleSettingsAllowed()) return sample;
  logEvent('setting_missing', { setting: name });
  return fail('SETTING_MISSING', `服务尚未配置完成（缺少 ${name}），请联系平台`, { setting: name });
}
