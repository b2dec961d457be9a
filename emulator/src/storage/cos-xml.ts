import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** An error the way COS reports it: an HTTP status plus an XML `<Error>` body. */
export interface CosError {
  status: number;
  /** COS error code, e.g. `NoSuchKey`, `SignatureDoesNotMatch`, `AccessDenied`. */
  code: string;
  message: string;
}

/**
 * Every storage answer may be read by a page on another origin (the web preview draws product
 * images onto canvases, uploads from H5 pages), as with a COS bucket whose CORS rule allows `*`.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Length, x-cos-request-id',
};

export const cosError = (status: number, code: string, message: string): CosError => ({ status, code, message });

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

const xmlElements = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => `  <${k}>${escapeXml(v)}</${k}>`)
    .join('\n');

/**
 * Answers with COS's error document. The Node SDK parses it after an upload and needs every one of
 * `Code`, `Message`, `RequestId` and `TraceId` (it destructures them); `SignatureDoesNotMatch`
 * becomes `SYS_ERR`, any other code `STORAGE_REQUEST_FAIL`. Downloads only look at the status.
 */
export function sendCosError(res: ServerResponse, err: CosError, resource: string): void {
  const requestId = randomUUID();
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n${xmlElements({
    Code: err.code,
    Message: err.message,
    Resource: resource,
    RequestId: requestId,
    TraceId: requestId,
  })}\n</Error>\n`;
  res.writeHead(err.status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-cos-request-id': requestId,
  });
  res.end(body);
}

/** The body COS answers a form upload with when `success_action_status` is 201. */
export function postResponseXml(fields: { location: string; bucket: string; key: string; etag: string }): string {
  return `<?xml version='1.0' encoding='utf-8' ?>\n<PostResponse>\n${xmlElements({
    Location: fields.location,
    Bucket: fields.bucket,
    Key: fields.key,
    ETag: fields.etag,
  })}\n</PostResponse>\n`;
}
