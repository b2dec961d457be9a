import { DEV_IDENTITIES, resolveEnv } from '../config/env';

/** "商家（dev-merchant-1）" for a known dev identity, the bare openid otherwise. */
export function describeDevIdentity(openid: string): string {
  const known = DEV_IDENTITIES.find((identity) => identity.openid === openid);
  return known ? `${known.label}（${openid}）` : openid;
}

/** Local mode only: the identity the emulator sees, for display. Empty in cloud mode. */
export function currentDevIdentityText(): string {
  const env = resolveEnv();
  return env.mode === 'local' ? describeDevIdentity(env.devOpenid) : '';
}
