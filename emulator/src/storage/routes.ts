import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../types';
import { cloudPathProblem, decodeSegment } from './cloud-path';
import { CORS_HEADERS, type CosError, cosError, postResponseXml, sendCosError } from './cos-xml';
import { type UploadForm, parseUploadForm } from './form-upload';
import { isPrivatePath, STORAGE_URL_PREFIX, type StorageService, type UploadAttempt } from './storage-service';

/** Bucket and cloud path named by a storage URL (`/storage/<bucket>/<cloudPath>`). */
type Located = { ok: true; bucket: string; cloudPath: string } | { ok: false; failure: CosError };

function locate(url: URL, pathOptional = false): Located {
  const [bucket = '', ...rest] = url.pathname.slice(STORAGE_URL_PREFIX.length).split('/');
  const cloudPath = rest.map(decodeSegment).join('/');
  if (!bucket) return { ok: false, failure: cosError(404, 'NoSuchBucket', 'The URL names no bucket') };
  if (cloudPath === '' && pathOptional) return { ok: true, bucket: decodeSegment(bucket), cloudPath };
  const problem = cloudPathProblem(cloudPath);
  if (problem) return { ok: false, failure: cosError(400, 'InvalidURI', problem) };
  return { ok: true, bucket: decodeSegment(bucket), cloudPath };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * `GET` (and `HEAD`) of a stored file: its bytes with the type, size and ETag it was stored with.
 * Files under `private/` need the signature and expiry of a temp URL (storage-service.ts).
 */
function download(service: StorageService) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const loc = locate(url);
    if (!loc.ok) return sendCosError(res, loc.failure, url.pathname);
    const file = service.find(loc.bucket, loc.cloudPath);
    // a private file only through its temp URL (getTempFileURL), never by its plain address
    if (file && !service.mayDownload(loc.cloudPath, url.searchParams)) return sendCosError(res, cosError(403, 'AccessDenied', 'Access Denied. This file is private: read it through a temp URL (getTempFileURL).'), url.pathname);
    const stream = file && service.read(file);
    if (!file || !stream) return sendCosError(res, cosError(404, 'NoSuchKey', 'The specified key does not exist.'), url.pathname);
    const headers = {
      ...CORS_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      ETag: file.etag,
      'Last-Modified': new Date(file.updatedAt).toUTCString(),
      'Cache-Control': 'no-cache',
    };
    if (req.method === 'HEAD' || header(req, 'if-none-match') === file.etag) {
      stream.destroy();
      res.writeHead(req.method === 'HEAD' ? 200 : 304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

async function store(service: StorageService, res: ServerResponse, up: UploadAttempt, resource: string) {
  const outcome = await service.acceptUpload(up);
  if (!outcome.ok) sendCosError(res, outcome.failure, resource);
  return outcome;
}

/** `PUT` of the raw bytes, as wx-server-sdk's `uploadFile` does (credentials in headers). */
function putUpload(service: StorageService) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> => {
    const loc = locate(url);
    if (!loc.ok) return sendCosError(res, loc.failure, url.pathname);
    const outcome = await store(
      service,
      res,
      {
        bucket: loc.bucket,
        cloudPath: loc.cloudPath,
        token: header(req, 'x-cos-security-token'),
        authorization: header(req, 'authorization') ?? header(req, 'signature'),
        cosFileId: header(req, 'x-cos-meta-fileid'),
        data: body,
        contentType: header(req, 'content-type'),
      },
      url.pathname,
    );
    if (!outcome.ok) return;
    res.writeHead(200, { ...CORS_HEADERS, ETag: outcome.value.etag, 'Content-Length': '0' });
    res.end();
  };
}

/** `POST` of a COS form (`key`, `Signature`, `x-cos-security-token`, `x-cos-meta-fileid`, `file`), as the mini-program and web SDKs upload. */
function formUpload(service: StorageService) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> => {
    const loc = locate(url, true);
    if (!loc.ok) return sendCosError(res, loc.failure, url.pathname);
    let form: UploadForm;
    try {
      form = await parseUploadForm(req.headers, body);
    } catch (e) {
      return sendCosError(res, cosError(400, 'MalformedPOSTRequest', `The body of the POST request is not well-formed multipart/form-data: ${(e as Error).message}`), url.pathname);
    }
    const f = form.fields;
    const key = f.key ?? loc.cloudPath;
    if (loc.cloudPath && key !== loc.cloudPath)
      return sendCosError(res, cosError(400, 'InvalidArgument', 'The form field "key" does not match the URL path'), url.pathname);
    if (!form.file) return sendCosError(res, cosError(400, 'InvalidArgument', 'The form has no file field'), url.pathname);
    const outcome = await store(
      service,
      res,
      {
        bucket: loc.bucket,
        cloudPath: key,
        token: f['x-cos-security-token'],
        authorization: f.Signature ?? f.signature ?? header(req, 'authorization'),
        cosFileId: f['x-cos-meta-fileid'],
        data: form.file.data,
        contentType: f['Content-Type'] ?? form.file.mimeType,
      },
      url.pathname,
    );
    if (!outcome.ok) return;
    const file = outcome.value;
    const status = f.success_action_status === '201' ? 201 : f.success_action_status === '200' ? 200 : 204;
    const xml = status === 201 ? postResponseXml({ location: service.downloadUrl(key), bucket: file.bucket, key, etag: file.etag }) : '';
    res.writeHead(status, { ...CORS_HEADERS, ETag: file.etag, 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml) });
    res.end(xml);
  };
}

/** Largest picture a signed-in client may upload through the gateway (WeChat caps cloud uploads far higher; pictures here are small). */
export const GATEWAY_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The client gateway's stand-in for `wx.cloud.uploadFile` in local development:
 * `POST /gateway/storage/upload`, a `multipart/form-data` body with the field `cloudPath` and the
 * part `file` (what `wx.uploadFile({name: 'file', formData: {cloudPath}})` sends), the dev identity
 * in `x-wx-openid`. Grants and accepts the upload in one go, recording the caller as `uploaded_by`,
 * and answers like `wx.cloud.uploadFile` resolves: `{fileID, statusCode: 200, errMsg}`, or
 * `{errCode, errMsg}` (HTTP 200 either way, as the function gateway does). For a private file
 * (`private/...`) the answer adds `tempFileURL`, a signed link for the uploader's own preview
 * (in WeChat the uploader reads its own file through the `cloud://` id, which a storage rule allows).
 */
function gatewayUpload(service: StorageService) {
  return async (req: IncomingMessage, res: ServerResponse, _url: URL, body: Buffer): Promise<void> => {
    const reply = (value: unknown) => {
      const json = JSON.stringify(value);
      res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
      res.end(json);
    };
    const fail = (message: string) => reply({ errCode: -501007, errMsg: `cloud.uploadFile:fail -501007 invalid parameters. ${message}` });
    const openid = header(req, 'x-wx-openid');
    if (!openid) return fail('x-wx-openid header (the dev identity) is required');
    if (body.length > GATEWAY_UPLOAD_MAX_BYTES) return fail(`the file is over ${GATEWAY_UPLOAD_MAX_BYTES} bytes`);
    let form: UploadForm;
    try {
      form = await parseUploadForm(req.headers, body);
    } catch (e) {
      return fail(`the body is not multipart/form-data: ${(e as Error).message}`);
    }
    if (!form.file) return fail('the form has no file part');
    const grant = service.grantUpload(form.fields.cloudPath, openid);
    if (!grant.ok) return fail(grant.failure);
    const outcome = await service.acceptUpload({
      bucket: service.bucket,
      cloudPath: form.fields.cloudPath!,
      token: grant.value.token,
      authorization: grant.value.authorization,
      cosFileId: grant.value.cosFileId,
      data: form.file.data,
      contentType: form.file.mimeType,
    });
    if (!outcome.ok) return reply({ errCode: -503003, errMsg: `cloud.uploadFile:fail ${outcome.failure.code} ${outcome.failure.message}` });
    const cloudPath = form.fields.cloudPath!;
    reply({ fileID: outcome.value.fileId, statusCode: 200, errMsg: 'cloud.uploadFile:ok', ...(isPrivatePath(cloudPath) ? { tempFileURL: service.readableUrl(cloudPath) } : {}) });
  };
}

/** HTTP routes of the storage module; all need the raw request body, none a parsed one. */
export function storageRoutes(service: StorageService): Route[] {
  const prefix = `${STORAGE_URL_PREFIX}*`;
  return [
    { method: 'POST', path: '/gateway/storage/upload', handle: gatewayUpload(service) },
    { method: 'GET', path: prefix, handle: download(service) },
    { method: 'PUT', path: prefix, handle: putUpload(service) },
    { method: 'POST', path: prefix, handle: formUpload(service) },
  ];
}
