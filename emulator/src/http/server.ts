import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import busboy from 'busboy';
import type { ActionHandler, ActionRequest, ActionResult, RawResponse, Route } from '../types';
import { CloudBaseError, isCloudBaseError } from './errors';

/** Largest request body accepted (cloud functions accept 6 MB events; uploads may be larger). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ServerOptions {
  env: string;
  actions: Record<string, ActionHandler>;
  routes: Route[];
  log(event: string, detail?: Record<string, unknown>): void;
}

export function requestId(): string {
  return randomBytes(8).toString('hex');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CloudBaseError('INVALID_PARAM', `request body over ${MAX_BODY_BYTES} bytes`, 413));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseMultipart(req: IncomingMessage, body: Buffer): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    // keyed by the sender's field names: no prototype, so `__proto__` is a field like any other
    const parts: Record<string, Buffer> = Object.create(null);
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fieldSize: MAX_BODY_BYTES } });
    } catch (e) {
      reject(new CloudBaseError('INVALID_PARAM', `malformed multipart body: ${(e as Error).message}`));
      return;
    }
    bb.on('field', (name, value) => {
      parts[name] = Buffer.from(value, 'latin1');
    });
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        parts[name] = Buffer.concat(chunks);
      });
    });
    bb.on('close', () => resolve(parts));
    bb.on('error', (e) => reject(new CloudBaseError('INVALID_PARAM', `malformed multipart body: ${(e as Error).message}`)));
    bb.end(body);
  });
}

/** Parses an `/admin` request body into an ActionRequest. */
export async function parseActionRequest(req: IncomingMessage, url: URL, body: Buffer, env: string): Promise<ActionRequest> {
  const type = String(req.headers['content-type'] ?? '');
  const base = { env: url.searchParams.get('env') || env, requestId: requestId(), headers: req.headers };
  if (type.startsWith('multipart/form-data')) {
    // busboy decodes text fields as latin1 by default; keep bytes exact and decode text as UTF-8.
    const parts = await parseMultipart(req, body);
    const params: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(parts)) params[k] = v.toString('utf8');
    return { ...base, action: params.action ?? '', params, parts };
  }
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new CloudBaseError('INVALID_PARAM', 'request body is not valid JSON');
  }
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new CloudBaseError('INVALID_PARAM', 'request body must be a JSON object');
  const p = params as Record<string, unknown>;
  return { ...base, action: typeof p.action === 'string' ? p.action : '', params: p };
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function isRaw(r: ActionResult): r is RawResponse {
  return (r as RawResponse).raw === true;
}

function matchRoute(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find((r) => (r.method === method || (method === 'HEAD' && r.method === 'GET')) && (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path));
}

/** The emulator's single HTTP server: `/admin` speaks CloudBase's API, other paths are module routes. */
export function createServer(opts: ServerOptions): http.Server {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const started = Date.now();
    let action = '';
    try {
      const body = await readBody(req);
      if (req.method === 'POST' && (url.pathname === '/admin' || url.pathname === '/admin/')) {
        const areq = await parseActionRequest(req, url, body, opts.env);
        action = areq.action;
        // own entries only: an action named `constructor` or `toString` is unsupported, not Object's
        const handler = Object.prototype.hasOwnProperty.call(opts.actions, areq.action) ? opts.actions[areq.action] : undefined;
        if (!handler) throw new CloudBaseError('INVALID_ACTION', `action ${JSON.stringify(areq.action)} is not supported by the CloudBase emulator`);
        const result = await handler(areq);
        if (isRaw(result)) {
          res.writeHead(result.status ?? 200, result.headers ?? {});
          res.end(result.body);
        } else sendJson(res, 200, { requestId: areq.requestId, ...result });
        return;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, corsHeaders());
        res.end();
        return;
      }
      const route = matchRoute(opts.routes, req.method ?? 'GET', url.pathname);
      if (!route) {
        sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${url.pathname}` });
        return;
      }
      action = `${req.method} ${url.pathname}`;
      await route.handle(req, res, url, body);
    } catch (e) {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (isCloudBaseError(e)) {
        sendJson(res, e.httpStatus, { requestId: requestId(), code: e.code, message: e.message });
      } else {
        opts.log('internal_error', { action, error: (e as Error).stack ?? String(e) });
        sendJson(res, 500, { requestId: requestId(), code: 'SYS_ERR', message: `emulator internal error: ${(e as Error).message}` });
      }
    } finally {
      opts.log('request', { action: action || `${req.method} ${url.pathname}`, ms: Date.now() - started, status: res.statusCode });
    }
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

export function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type, x-wx-openid, x-wx-appid, x-wx-unionid',
  };
}
