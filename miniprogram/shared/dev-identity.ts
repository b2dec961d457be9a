import { DEV_IDENTITIES, isDevTools, localModeAllowed, resolveEnv } from '../config/env';

/** "商家（dev-merchant-1）" for a known dev identity, the bare openid otherwise. */
export function describeDevIdentity(openid: string): string {
  const known = DEV_IDENTITIES.find((identity) => identity.openid === openid);
  return known ? `${known.label}（${openid}）` : openid;
}

/**
 * For the 我的 page's dev entry: the identity the emulator sees in local mode; in cloud mode, a
 * note only where the dev menu could switch local on (DevTools or a developer's switch); empty
 * everywhere else, so a shopper never sees the entry.
 */
export function currentDevIdentityText(): string {
  const env = resolveEnv();
  if (env.mode === 'local') return describeDevIdentity(env.devOpenid);
  return isDevTools() || localModeAllowed() ? '云开发环境（可切换到本地模拟器）' : '';
}
