/**
 * One browser tab's mini-program: a page host worker plus the browsers listening to it over
 * server-sent events. Every snapshot the host pushes becomes a view (page HTML, WeChat window
 * HTML, a few flags) sent to each listener.
 */
import type { ServerResponse } from 'http';
import { pageUrl, type TabBarConfig } from '../app-config';
import { renderChrome, type ChromeParts } from '../chrome/render';
import { pageDocument } from '../page-document';
import { PageHost } from '../page-host';
import type { Command, Snapshot } from '../protocol';

/** What the browser shell draws (see shell/main.ts). */
export interface ShellView {
  version: number;
  page: { key: string; route: string; url: string; html: string; enablePullDownRefresh: boolean } | null;
  chrome: ChromeParts;
  refreshing: boolean;
  scrollRequest: { seq: number; scrollTop: number };
  identity: string;
  identities: Array<{ openid: string; label: string }>;
  lastError: { seq: number; message: string } | null;
}

const KEEPALIVE_MS = 15_000;
/** The proxy path for the emulator's storage (server.ts), so a browser on another machine gets images too. */
export const ASSET_BASE = '/emu';

export class PreviewSession {
  private readonly listeners = new Set<ServerResponse>();
  private view = '';
  private ended = false;
  private keepalive: ReturnType<typeof setInterval>;
  lastActive = Date.now();

  private constructor(
    readonly id: string,
    private readonly host: PageHost,
    private readonly tabBar: TabBarConfig | null,
  ) {
    host.onSnapshot((snapshot) => this.publish(snapshot));
    host.onExit(() => this.endStreams());
    this.keepalive = setInterval(() => {
      for (const res of this.listeners) res.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
  }

  static async create(id: string, options: { emulatorUrl: string; identity: string; entry: string; tabBar: TabBarConfig | null }): Promise<PreviewSession> {
    const host = await PageHost.start({ emulatorUrl: options.emulatorUrl, identity: options.identity, entry: options.entry, assetBase: ASSET_BASE });
    const session = new PreviewSession(id, host, options.tabBar);
    session.publish(await host.call('snapshot'));
    return session;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Streams views to `res` (server-sent events), starting with the current one. */
  listen(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`data: ${this.view}\n\n`);
    this.listeners.add(res);
    this.lastActive = Date.now();
    res.on('close', () => {
      this.listeners.delete(res);
      this.lastActive = Date.now();
    });
  }

  async command(command: Command): Promise<void> {
    this.lastActive = Date.now();
    await this.host.call('command', command);
  }

  /** The document of a page in the stack: its CSS and, for the top page, its current HTML. */
  async frame(pageKey: string): Promise<string> {
    const css = await this.host.call('css', pageKey);
    const snapshot = this.host.lastSnapshot;
    const html = snapshot?.page?.key === pageKey ? snapshot.page.html : '';
    return pageDocument({ css, html, deterministic: false });
  }

  get closed(): boolean {
    return this.ended;
  }

  async close(): Promise<void> {
    this.endStreams();
    await this.host.close();
  }

  /** The browser reconnects, finds the session gone (404) and starts a new one. */
  private endStreams(): void {
    this.ended = true;
    clearInterval(this.keepalive);
    for (const res of this.listeners) res.end();
    this.listeners.clear();
  }

  private publish(snapshot: Snapshot): void {
    const { page, chrome } = snapshot;
    const view: ShellView = {
      version: snapshot.version,
      page: page ? { key: page.key, route: page.route, url: pageUrl(page.route, page.query), html: page.html, enablePullDownRefresh: page.enablePullDownRefresh } : null,
      chrome: renderChrome({ snapshot, tabBar: this.tabBar, packageAsset: (assetPath) => `/mp/${assetPath.replace(/^\/+/, '')}` }),
      refreshing: chrome.refreshing,
      scrollRequest: chrome.scrollRequest,
      identity: chrome.identity,
      identities: chrome.identities,
      lastError: chrome.lastError,
    };
    this.view = JSON.stringify(view);
    for (const res of this.listeners) res.write(`data: ${this.view}\n\n`);
  }
}
