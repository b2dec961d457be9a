import { EJSON, BSONRegExp, ObjectId } from 'bson';
import { CloudBaseError } from '../http/errors';

/** A document as the engine holds it: plain JS values, `Date`s and `RegExp`s. */
export type Doc = Record<string, any>;

const SERVER_DATE = '$tcb_server_date';

/**
 * Parses one canonical-EJSON string from the SDK into plain values.
 * `{$tcb_server_date: {offset}}` (from `db.serverDate()`) becomes a `Date` at `now + offset`.
 */
export function parseEjson(text: unknown, now: number, what = 'query'): any {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return normalise(text, now);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw new CloudBaseError('INVALID_PARAM', `malformed EJSON in ${what}: ${(e as Error).message}`);
  }
  return normalise(parsed, now);
}

function normalise(value: unknown, now: number): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) {
    try {
      return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
    } catch (e) {
      throw new CloudBaseError('INVALID_PARAM', `invalid regular expression: ${(e as Error).message}`);
    }
  }
  if (value instanceof ObjectId) return value.toHexString();
  if (Array.isArray(value)) return value.map((v) => normalise(v, now));
  const obj = value as Record<string, unknown>;
  if (SERVER_DATE in obj && Object.keys(obj).length === 1) {
    const offset = Number((obj[SERVER_DATE] as { offset?: unknown } | undefined)?.offset ?? 0);
    return new Date(now + (Number.isFinite(offset) ? offset : 0));
  }
  if (typeof (obj as { _bsontype?: unknown })._bsontype === 'string') {
    // Long/Decimal128 and friends outside the safe range: keep a number where possible.
    const n = Number(String(obj));
    if (Number.isFinite(n)) return n;
    throw new CloudBaseError('INVALID_PARAM', `unsupported BSON type ${(obj as { _bsontype: string })._bsontype}`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = normalise(v, now);
  return out;
}

/** Serialises a document the way CloudBase answers: canonical EJSON text. */
export function toEjson(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: false });
}

/** Deep copy that keeps Dates and RegExps (documents must never share structure). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
