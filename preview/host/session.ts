/**
 * One running mini-program: the page stack, `wx` as WeChat would answer it (navigation, storage,
 * toasts and dialogs, requests to the emulator's gateway, the simulated payment), and the rendered
 * top page as HTML. Every change to the page or the window is pushed as a new snapshot.
 */
import path from 'path';
import { readAppConfig, type AppConfig } from '../app-config';
import type { Command, Masks, OpenRequest, OpenResult, Snapshot, StartRequest } from '../protocol';
import { DEV_IDENTITIES, DEV_OVERRIDE_STORAGE_KEY } from '../../miniprogram/config/env';
import { renderedDom, type SimNode } from '../../test/miniprogram/support/sim-node';
import { localFileUrl } from '../../miniprogram/services/cloud-file-url';
import { MINIPROGRAM_ROOT } from '../paths';
import { pageProblems, pageStatus } from './checks';
import { emulatorClock, setPageClock } from './clock';
import { runCommand } from './commands';
import { ImageLoads } from './image-loads';
import { NodeIds } from './node-ids';
import { OverlayState } from './overlays';
import { PageLoader } from './page-loader';
import { Router, type MountedPage } from './router';
import { serializePage } from './serialize';
import { installWx } from './wx/install';
import { RequestTracker } from './wx/request';
import { WxStorage } from './wx/storage';

/** A page is idle once nothing happened for this long and nothing is in flight. */
const QUIET_MS = 80;
const PUSH_DELAY_MS = 16;
/** WeChat stops the pull-down spinner by itself after a while if the page never does. */
const REFRESH_TIMEOUT_MS = 10_000;

export class Session {
  readonly app: AppConfig = readAppConfig();
  private readonly loader = new PageLoader();
  private readonly storage = new WxStorage();
  private readonly requests = new RequestTracker();
  private readonly images = new ImageLoads();
  private readonly ids = new NodeIds();
  private readonly overlays = new OverlayState(() => this.changed());
  private readonly router = new Router(this.app, this.loader, {
    pageError: (route, method, error) => this.recordError(`${route} ${method}: ${describe(error)}`),
    changed: () => this.changed(),
  });
  private readonly pageErrors = new Map<string, string[]>();
  private emulatorUrl = '';
  private assetBase = '';
  private identity = '';
  private masks: Masks = {};
  private refreshing = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private navigationLoading = false;
  private scrollRequest = { seq: 0, scrollTop: 0 };
  private lastError: { seq: number; message: string } | null = null;
  private version = 0;
  private lastChange = performance.now();
  private pushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly push: (snapshot: Snapshot) => void) {
    installWx({
      storage: this.storage,
      requests: this.requests,
      overlays: this.overlays,
      router: this.router,
      emulatorUrl: () => this.emulatorUrl,
      window: {
        setTitle: (title) => this.updateTop((page) => (page.title = title)),
        setNavigationLoading: (loading) => this.update(() => (this.navigationLoading = loading)),
        setRefreshing: (refreshing) => this.setRefreshing(refreshing),
        scrollTo: (scrollTop) => this.update(() => (this.scrollRequest = { seq: this.scrollRequest.seq + 1, scrollTop })),
      },
      currentPages: () => this.router.currentPages(),
    });
    const consoleError = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      this.recordError(args.map(describe).join(' '));
      consoleError(...args);
    };
    // WeChat logs an exception a page did not catch and carries on; so does the host.
    process.on('unhandledRejection', (reason) => console.error('[preview] unhandled rejection in page code:', reason));
    process.on('uncaughtException', (error) => console.error('[preview] uncaught exception in page code:', error));
    new MutationObserver(() => this.changed()).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }

  async start(request: StartRequest): Promise<void> {
    this.emulatorUrl = request.emulatorUrl.replace(/\/+$/, '');
    setPageClock(await emulatorClock(this.emulatorUrl));
    this.assetBase = request.assetBase ?? this.emulatorUrl;
    this.setIdentity(request.identity);
    require(path.join(MINIPROGRAM_ROOT, 'app'));
    if (request.entry) this.router.reLaunch(request.entry);
  }

  /** Opens a page afresh (reLaunch) with the given identity, storage and clock, and waits until it has loaded. */
  async open(request: OpenRequest): Promise<OpenResult> {
    if (request.identity) this.setIdentity(request.identity);
    for (const [key, value] of Object.entries(request.storage ?? {})) this.storage.set(key, value);
    setPageClock(typeof request.now === 'number' ? request.now : await emulatorClock(this.emulatorUrl));
    this.masks = request.masks ?? {};
    this.router.reLaunch(request.url);
    const idle = await this.waitIdle(request.timeoutMs ?? 20_000);
    const page = this.router.top();
    if (!page) throw new Error(`${request.url} opened no page`);
    const problems = [...pageProblems(page), ...(this.pageErrors.get(page.key) ?? []).map((error) => `page error: ${error}`)];
    if (!idle) problems.push(`not idle after ${request.timeoutMs ?? 20_000} ms (requests or images still loading, or the page kept changing)`);
    return { snapshot: this.snapshot(), css: this.loader.css(page.route), problems: [...new Set(problems)], status: pageStatus(page) };
  }

  command(command: Command): void {
    runCommand(
      {
        app: this.app,
        router: this.router,
        overlays: this.overlays,
        ids: this.ids,
        setIdentity: (openid) => this.setIdentity(openid),
        setRefreshing: (refreshing) => this.setRefreshing(refreshing),
      },
      command,
    );
  }

  css(pageKey: string): string {
    const page = this.router.pages().find((candidate) => candidate.key === pageKey);
    if (!page) throw new Error(`no page ${pageKey} in the stack`);
    return this.loader.css(page.route);
  }

  snapshot(): Snapshot {
    const top = this.router.top();
    const stack = this.router.pages();
    const activeTab = top ? (this.app.tabBar?.items.findIndex((item) => item.route === top.route) ?? -1) : -1;
    return {
      version: this.version,
      page: top
        ? {
            key: top.key,
            route: top.route,
            query: top.query,
            html: this.serialize(top),
            navigationBar: {
              title: top.title ?? top.window.navigationBarTitleText,
              background: top.window.navigationBarBackgroundColor,
              textStyle: top.window.navigationBarTextStyle,
              loading: this.navigationLoading,
            },
            backgroundColor: top.window.backgroundColor,
            enablePullDownRefresh: top.window.enablePullDownRefresh,
          }
        : null,
      chrome: {
        stackDepth: stack.length,
        canGoBack: stack.length > 1,
        showHome: stack.length === 1 && activeTab < 0,
        activeTab,
        refreshing: this.refreshing,
        scrollRequest: this.scrollRequest,
        overlays: structuredClone(this.overlays.current),
        identity: this.identity,
        lastError: this.lastError,
        identities: DEV_IDENTITIES.map(({ openid, label }) => ({ openid, label })),
      },
    };
  }

  private serialize(page: MountedPage): string {
    const masked = new Set<Element>();
    for (const selector of this.masks.selectors ?? []) {
      for (const node of page.root.querySelectorAll(selector) as SimNode[]) {
        for (const dom of renderedDom(node)) if (dom.nodeType === 1) masked.add(dom as Element);
      }
    }
    const patterns = (this.masks.text ?? []).map((source) => new RegExp(source));
    if (patterns.length) {
      const walker = document.createTreeWalker(page.root.dom, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && patterns.some((pattern) => pattern.test(node?.textContent ?? ''))) masked.add(node.parentElement);
      }
    }
    return serializePage(page.root.dom, {
      ids: this.ids,
      masked,
      assetUrl: (url) => this.assetUrl(url),
      problem: (message) => this.recordProblem(page, message),
    });
  }

  /** Storage files as the browser should fetch them: through the preview's proxy, or straight from the emulator. */
  private assetUrl(url: string): string {
    const absolute = url.startsWith('cloud://') ? (localFileUrl(url, this.emulatorUrl) ?? url) : url;
    return absolute.startsWith(this.emulatorUrl) ? this.assetBase + absolute.slice(this.emulatorUrl.length) : absolute;
  }

  private setIdentity(openid: string): void {
    this.identity = openid;
    this.storage.set(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: openid, localBaseUrl: this.emulatorUrl });
    this.changed();
  }

  private setRefreshing(refreshing: boolean): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = refreshing ? setTimeout(() => this.setRefreshing(false), REFRESH_TIMEOUT_MS) : null;
    this.update(() => (this.refreshing = refreshing));
  }

  private async waitIdle(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const top = this.router.top();
      if (top) this.images.scan(top.container);
      // A page whose code failed may never leave its loading state: stop waiting once it is quiet.
      const failed = top !== null && (this.pageErrors.get(top.key)?.length ?? 0) > 0;
      const loading = top !== null && pageStatus(top) === 'loading' && !failed;
      const busy = this.requests.pending > 0 || this.images.pending > 0 || loading;
      if (!busy && performance.now() - this.lastChange >= QUIET_MS) return true;
      if (performance.now() > deadline) return false;
    }
  }

  /** An exception in page code: kept for `open`'s problems and shown in the browser. */
  private recordError(message: string): void {
    this.lastError = { seq: (this.lastError?.seq ?? 0) + 1, message: message.split('\n')[0] ?? message };
    this.changed();
    const top = this.router.top();
    if (top) this.recordProblem(top, message);
  }

  /** A problem found while drawing: kept once, without a redraw (drawing again would find it again). */
  private recordProblem(page: MountedPage, message: string): void {
    const problems = this.pageErrors.get(page.key) ?? [];
    if (!problems.includes(message)) problems.push(message);
    this.pageErrors.set(page.key, problems);
  }

  private update(change: () => void): void {
    change();
    this.changed();
  }

  private updateTop(change: (page: MountedPage) => void): void {
    const top = this.router.top();
    if (top) this.update(() => change(top));
  }

  /** Something changed: push a snapshot shortly (changes come in bursts). */
  private changed(): void {
    this.lastChange = performance.now();
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      const top = this.router.top();
      if (top) this.images.scan(top.container);
      this.version += 1;
      this.ids.prune();
      const live = new Set(this.router.pages().map((page) => page.key));
      for (const key of this.pageErrors.keys()) if (!live.has(key)) this.pageErrors.delete(key);
      this.push(this.snapshot());
    }, PUSH_DELAY_MS);
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
