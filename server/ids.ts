import { createHash, randomBytes } from 'node:crypto';

/** A random document id (32 hex characters, like CloudBase's own). */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

/** A deterministic id from parts (for idempotency keys such as openid + client request id). */
export function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * A human-readable number for orders and payments: Beijing date-time to the second plus six random
 * digits, e.g. `20261122103005123456` (20 digits; WeChat Pay allows 32 characters).
 */
export function tradeNo(now: number): string {
  const d = new Date(now + 8 * 3600_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${stamp}${pad(randomBytes(4).readUInt32BE() % 1_000_000, 6)}`;
}
