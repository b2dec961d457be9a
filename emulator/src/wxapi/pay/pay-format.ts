import { createHash, randomBytes, randomInt } from 'node:crypto';

/** WeChat Pay reports every time in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

function beijing(ms: number): { y: string; M: string; d: string; H: string; m: string; s: string } {
  const t = new Date(ms + BEIJING_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()),
    M: p2(t.getUTCMonth() + 1),
    d: p2(t.getUTCDate()),
    H: p2(t.getUTCHours()),
    m: p2(t.getUTCMinutes()),
    s: p2(t.getUTCSeconds()),
  };
}

/** `yyyyMMddHHmmss` in Beijing time, the format of `time_end`, `time_start`, `time_expire`. */
export function formatWxTime(ms: number): string {
  const b = beijing(ms);
  return `${b.y}${b.M}${b.d}${b.H}${b.m}${b.s}`;
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the format of refund `success_time`. */
export function formatWxDateTime(ms: number): string {
  const b = beijing(ms);
  return `${b.y}-${b.M}-${b.d} ${b.H}:${b.m}:${b.s}`;
}

/** Parses `yyyyMMddHHmmss` (Beijing time) into epoch milliseconds; undefined when malformed. */
export function parseWxTime(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS;
  return formatWxTime(ms) === text ? ms : undefined;
}

function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

/** 28 digits like `4200004561202203217657282768`: prefix, channel, payment date, serial. */
export function newTransactionId(ms: number): string {
  return `4200${digits(6)}${formatWxTime(ms).slice(0, 8)}${digits(10)}`;
}

/** 29 digits like `50000408942018111907145868882`. */
export function newRefundId(ms: number): string {
  return `5030${digits(6)}${formatWxTime(ms).slice(0, 8)}${digits(11)}`;
}

/** 36 characters like `wx201410272009395522657a690389285100`: `wx`, creation time, random part. */
export function newPrepayId(ms: number): string {
  return `wx${formatWxTime(ms)}${randomBytes(10).toString('hex')}`;
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 32-character random string, as WeChat Pay's `nonce_str`. */
export function newNonce(): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

/**
 * WeChat Pay v2 MD5 signature: non-empty parameters sorted by name as `k=v&...`, then `&key=KEY`,
 * MD5, upper case. The emulator signs with its own key; nothing downstream verifies it.
 */
export function md5Sign(params: Record<string, string>, key: string): string {
  const text = Object.keys(params)
    .filter((k) => params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

/**
 * A stable, distinct openid for the payer under the cloudPay service provider's appid (28 characters
 * like real openids). Production callbacks carry this in `openid` and the mini-program openid in
 * `subOpenid`.
 */
export function serviceProviderOpenid(payerOpenid: string): string {
  return `oSP${createHash('sha256').update(`service-provider:${payerOpenid}`).digest('base64url').slice(0, 25)}`;
}
