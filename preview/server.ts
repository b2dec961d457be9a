/**
 * The browser preview: `startPreview({emulatorUrl, port})` serves a phone-sized shell in which the
 * mini-program's pages run live, server-side (one page-host worker per browser tab, see
 * page-host.ts), against the emulator's real cloud functions. See preview/README.md.
 *
 *   GET  /                              the shell (shell-page.ts + shell.js)
 *   POST /api/sessions {identity?, url?} a new mini-program run -> {id}
 *   GET  /api/sessions/:id/events       server-sent events: a ShellView per change
 *   GET  /api/sessions/:id/frame/:key   the document of a page in the stack
 *   POST /api/sessions/:id/commands     a Command (protocol.ts)
 *   DELETE /api/sessions/:id
 *   GET  /api/pages                     app.json's pages
 *   GET  /emu/storage/...               the emulator's storage (images), proxied
 *   GET  /mp/assets/...                 package images (tab bar icons)
 */
import { randomUUID } from 'crypto';
import http, { type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { readAppConfig, type AppConfig } from './app-config';
import { MINIPROGRAM_ROOT } from './paths';
import type { Command } from './protocol';
import { HttpError, readJson, send, sendFile, sendJson } from './server/http-util';
import { PreviewSession } from './server/preview-session';
import { shellScript } from './server/shell-bundle';
import { shellPage } from './server/shell-page';

export interface PreviewOptions {
  /** The emulator's base URL, e.g. http://127.0.0.1:9000. */
  emulatorUrl: string;
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1; 0.0.0.0 to open it to the LAN. */
  host?: string;
  /** The identity of a new session (default dev-shopper-1). */
  identity?: string;
  /** Sessions beyond this many close, least recently used first (each is a worker thread). */
  maxSessions?: number;
  log?: (message: string) => void;
}

export interface RunningPreview {
  url: string;
  close(): Promise<void>;
}

/** A session nobody listens to is closed after this long. */
const IDLE_SESSION_MS = 10 * 60_000;

class Preview {
  private readonly app: AppConfig = readAppConfig();
  private readonly sessions = new Map<string, PreviewSession>();
  private readonly sweeper = setInterval(() => void this.sweep(), 60_000);

  constructor(private readonly options: PreviewOptions) {
    this.sweeper.unref();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${req.method} /${parts[0] ?? ''}`;
    if (route === 'GET /') return send(res, 200, shellPage(), 'text/html; charset=utf-8');
    if (route === 'GET /favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (route === 'GET /shell.js') return send(res, 200, await shellScript(), 'text/javascript; charset=utf-8');
    if (route === 'GET /mp' && parts[1] === 'assets') return sendFile(res, path.join(MINIPROGRAM_ROOT, 'assets'), parts.slice(2).join('/'));
    if (route === 'GET /emu' && parts[1] === 'storage') return this.proxyStorage(url, res);
    if (parts[0] === 'api') return this.api(req, res, parts.slice(1));
    throw new HttpError(404, 'not found');
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values()].map((session) => session.close()));
    this.sessions.clear();
  }

  private async api(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const [resource, id, action, key] = parts;
    if (req.method === 'GET' && resource === 'pages') return sendJson(res, 200, { routes: this.app.routes, tabBar: this.app.tabBar });
    if (resource !== 'sessions') throw new HttpError(404, 'not found');
    if (req.method === 'POST' && !id) return sendJson(res, 201, { id: await this.createSession((await readJson(req)) as { identity?: string; url?: string }) });
    const session = id ? this.sessions.get(id) : undefined;
    if (!session || session.closed) throw new HttpError(404, `no session ${id}`);
    if (req.method === 'GET' && action === 'events') return session.listen(res);
    if (req.method === 'GET' && action === 'frame' && key) return send(res, 200, await session.frame(key), 'text/html; charset=utf-8');
    if (req.method === 'POST' && action === 'commands') {
      await session.command((await readJson(req)) as Command).catch((error: Error) => {
        throw new HttpError(409, error.message);
      });
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'DELETE' && !action) {
      this.sessions.delete(session.id);
      await session.close();
      return sendJson(res, 200, { ok: true });
    }
    throw new HttpError(404, 'not found');
  }

  private async createSession(body: { identity?: string; url?: string }): Promise<string> {
    const id = randomUUID();
    const firstTab = this.app.tabBar?.items[0]?.route ?? this.app.routes[0];
    const entry = typeof body.url === 'string' && body.url.startsWith('/') ? body.url : `/${firstTab}`;
    const identity = typeof body.identity === 'string' && body.identity ? body.identity : (this.options.identity ?? 'dev-shopper-1');
    const session = await PreviewSession.create(id, { emulatorUrl: this.options.emulatorUrl, identity, entry, tabBar: this.app.tabBar });
    this.sessions.set(id, session);
    await this.evictBeyond(this.options.maxSessions ?? 6);
    this.options.log?.(`session ${id.slice(0, 8)} started as ${identity} at ${entry} (${this.sessions.size} open)`);
    return id;
  }

  private async evictBeyond(max: number): Promise<void> {
    const byAge = [...this.sessions.values()].sort((a, b) => a.lastActive - b.lastActive);
    while (byAge.length > max) {
      const oldest = byAge.shift();
      if (!oldest) break;
      this.sessions.delete(oldest.id);
      await oldest.close();
    }
  }

  private async sweep(): Promise<void> {
    for (const session of [...this.sessions.values()]) {
      if (session.closed || (session.listenerCount === 0 && Date.now() - session.lastActive > IDLE_SESSION_MS)) {
        this.sessions.delete(session.id);
        await session.close();
      }
    }
  }

  private async proxyStorage(url: URL, res: ServerResponse): Promise<void> {
    const upstream = await fetch(`${this.options.emulatorUrl}${url.pathname.slice('/emu'.length)}`);
    const body = Buffer.from(await upstream.arrayBuffer());
    send(res, upstream.status, body, upstream.headers.get('content-type') ?? 'application/octet-stream');
  }
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const preview = new Preview({ ...options, emulatorUrl: options.emulatorUrl.replace(/\/+$/, '') });
  const server = http.createServer((req, res) => {
    preview.handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) options.log?.(`${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      if (res.headersSent) res.end();
      else sendJson(res, status, { error: (error as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  await shellScript();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    async close() {
      await preview.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
