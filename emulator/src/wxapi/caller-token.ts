import type { CallerIdentity } from './options';

/**
 * How the emulator can know who called `cloudPay.unifiedOrder`, the way CloudBase does.
 *
 * In production every invocation of a cloud function gets an opaque `WX_API_TOKEN` environment
 * variable (listed in `WX_CONTEXT_KEYS`, hidden from `getWXContext()`), and the SDK sends it as the
 * `wxCloudApiToken` field of every request. CloudBase maps it back to the user who invoked the
 * function; that is how cloudPay knows the payer without an `openid` parameter.
 *
 * The emulator's function runtime can do the same with a self-describing token: set
 * `WX_API_TOKEN = encodeCallerToken({openid, appid, function})` for each invocation (the function
 * name lets `wx.openApi` check that function's `config.json` permissions, as CloudBase does). Being local, the token
 * needs no secrecy; it is only a way to carry the identity through the unmodified SDK.
 */
const PREFIX = 'local-emulator.';

export function encodeCallerToken(identity: CallerIdentity): string {
  const clean: CallerIdentity = {};
  if (identity.openid) clean.openid = identity.openid;
  if (identity.appid) clean.appid = identity.appid;
  if (identity.unionid) clean.unionid = identity.unionid;
  if (identity.function) clean.function = identity.function;
  return PREFIX + Buffer.from(JSON.stringify(clean), 'utf8').toString('base64url');
}

/** Returns the identity carried by a token made by `encodeCallerToken`, or undefined for any other string. */
export function decodeCallerToken(token: string): CallerIdentity | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const v = value as Record<string, unknown>;
    const out: CallerIdentity = {};
    if (typeof v.openid === 'string' && v.openid) out.openid = v.openid;
    if (typeof v.appid === 'string' && v.appid) out.appid = v.appid;
    if (typeof v.unionid === 'string' && v.unionid) out.unionid = v.unionid;
    if (typeof v.function === 'string' && v.function) out.function = v.function;
    return out;
  } catch {
    return undefined;
  }
}
