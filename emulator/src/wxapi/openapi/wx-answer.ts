import { randomBytes } from 'node:crypto';

/** WeChat's JSON answer to an open API call (`errcode` 0 on success). */
export type WxAnswer = Record<string, unknown> & { errcode: number; errmsg: string };

/** A request id in WeChat's `rid: xxxxxxxx-xxxxxxxx-xxxxxxxx` shape, appended to error messages. */
export function newRid(): string {
  const h = randomBytes(12).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 24)}`;
}

export function wxError(errcode: number, errmsg: string): WxAnswer {
  return { errcode, errmsg: `${errmsg} rid: ${newRid()}` };
}

export function wxOk(fields: Record<string, unknown> = {}): WxAnswer {
  return { errcode: 0, errmsg: 'ok', ...fields };
}
