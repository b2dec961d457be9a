import type { ServerResponse } from 'node:http';

/** A control-API request that cannot be served; answered as `{error: {code, message}}` with `status`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export function sendControlJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Runs a control route body, turning a `ControlError` into its JSON answer. */
export async function answerControl(res: ServerResponse, run: () => unknown | Promise<unknown>): Promise<void> {
  try {
    sendControlJson(res, 200, await run());
  } catch (e) {
    if (e instanceof ControlError) sendControlJson(res, e.status, { error: { code: e.code, message: e.message } });
    else throw e;
  }
}

export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new ControlError(400, 'INVALID_JSON', 'request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, 'INVALID_JSON', 'request body must be a JSON object');
  return value as Record<string, unknown>;
}

export function requireString(obj: Record<string, unknown>, key: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') throw new ControlError(400, 'INVALID_PARAM', `${key} must be a non-empty string`);
  return v;
}

export function optionalString(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw new ControlError(400, 'INVALID_PARAM', `${key} must be a non-empty string when given`);
  return v;
}

export function optionalInt(obj: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ControlError(400, 'INVALID_PARAM', `${key} must be an integer from ${min} to ${max}`);
  }
  return v;
}

export function optionalBool(obj: Record<string, unknown>, key: string): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new ControlError(400, 'INVALID_PARAM', `${key} must be a boolean`);
  return v;
}
