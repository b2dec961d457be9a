/**
 * The page stack of one mini-program run, with WeChat's rules: navigateTo pushes (at most 10
 * pages, never a tab page), redirectTo replaces the top, switchTab keeps tab pages alive and drops
 * the rest, navigateBack pops, reLaunch starts over. Pages get onLoad/onShow/onReady/onHide/
 * onUnload as WeChat calls them.
 */
import { pageWindow, parsePageUrl, type AppConfig, type WindowConfig } from '../app-config';
import type { PageLoader } from './page-loader';
import type { HostRoot } from './sim-types';

const MAX_STACK = 10;

export interface MountedPage {
  readonly key: string;
  readonly route: string;
  readonly query: Record<string, string>;
  readonly root: HostRoot;
  readonly container: HTMLElement;
  readonly window: WindowConfig;
  /** Set by wx.setNavigationBarTitle. */
  title: string | null;
}

/** A navigation WeChat refuses; the wx API turns it into `<api>:fail <message>`. */
export class NavigationError extends Error {}

export interface RouterEvents {
  /** A lifecycle method threw (the page's own bug). */
  pageError(route: string, method: string, error: unknown): void;
  /** The stack or the top page changed. */
  changed(): void;
}

type PageInstance = Record<string, unknown> & { route?: string; options?: Record<string, string> };

export class Router {
  private stack: MountedPage[] = [];
  private readonly tabPages = new Map<string, MountedPage>();
  private counter = 0;

  constructor(
    private readonly app: AppConfig,
    private readonly loader: PageLoader,
    private readonly events: RouterEvents,
  ) {}

  top(): MountedPage | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  pages(): readonly MountedPage[] {
    return this.stack;
  }

  isTab(route: string): boolean {
    return this.app.tabBar?.items.some((item) => item.route === route) ?? false;
  }

  navigateTo(url: string): void {
    const target = this.resolve(url);
    if (this.isTab(target.route)) throw new NavigationError('can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_STACK) throw new NavigationError('webview count limit exceed');
    this.hideTop();
    this.push(target.route, target.query);
  }

  redirectTo(url: string): void {
    const target = this.resolve(url);
    if (this.isTab(target.route)) throw new NavigationError('can not redirectTo a tabbar page');
    const current = this.stack.pop();
    if (current) this.unload(current);
    this.push(target.route, target.query);
  }

  switchTab(url: string): void {
    const target = this.resolve(url);
    if (!this.isTab(target.route)) throw new NavigationError('can not switchTab to a page that is not a tabbar page');
    this.hideTop();
    for (const page of this.stack) if (!this.isTab(page.route)) this.unload(page);
    const kept = this.tabPages.get(target.route);
    if (kept) {
      this.stack = [kept];
      this.lifecycle(kept, 'onShow');
      kept.root.triggerPageLifeTime('show');
      this.events.changed();
    } else {
      this.stack = [];
      this.push(target.route, {});
    }
  }

  reLaunch(url: string): void {
    const target = this.resolve(url);
    for (const page of new Set([...this.stack, ...this.tabPages.values()])) this.unload(page);
    this.stack = [];
    this.tabPages.clear();
    this.push(target.route, target.query);
  }

  navigateBack(delta = 1): void {
    if (this.stack.length <= 1) throw new NavigationError('cannot navigate back at first page');
    const count = Math.min(Math.max(1, Math.floor(delta)), this.stack.length - 1);
    for (let i = 0; i < count; i += 1) {
      const page = this.stack.pop();
      if (page) this.unload(page);
    }
    const top = this.top();
    if (top) {
      this.lifecycle(top, 'onShow');
      top.root.triggerPageLifeTime('show');
    }
    this.events.changed();
  }

  /** Calls a page method such as onPullDownRefresh on the top page, if it has one. */
  callTop(method: string, ...args: unknown[]): void {
    const top = this.top();
    if (top) this.lifecycle(top, method, ...args);
  }

  /** `getCurrentPages()`: the page instances, bottom first, with `route` and `options`. */
  currentPages(): PageInstance[] {
    return this.stack.map((page) => page.root.instance as PageInstance);
  }

  private resolve(url: string): { route: string; query: Record<string, string> } {
    const target = parsePageUrl(url, this.top()?.route ?? '');
    if (!this.app.routes.includes(target.route)) throw new NavigationError(`page "${target.route}" is not found`);
    return target;
  }

  private push(route: string, query: Record<string, string>): void {
    const root = this.loader.render(route);
    const container = document.createElement('div');
    container.dataset.page = route;
    document.body.appendChild(container);
    root.attach(container);
    this.counter += 1;
    const page: MountedPage = { key: `p${this.counter}`, route, query, root, container, window: pageWindow(this.app, route), title: null };
    const instance = root.instance as PageInstance;
    instance.route = route;
    instance.options = query;
    this.stack.push(page);
    if (this.isTab(route)) this.tabPages.set(route, page);
    this.events.changed();
    this.lifecycle(page, 'onLoad', { ...query });
    this.lifecycle(page, 'onShow');
    setTimeout(() => {
      if (this.stack.includes(page)) this.lifecycle(page, 'onReady');
    }, 0);
  }

  private hideTop(): void {
    const top = this.top();
    if (!top) return;
    this.lifecycle(top, 'onHide');
    top.root.triggerPageLifeTime('hide');
  }

  private unload(page: MountedPage): void {
    this.lifecycle(page, 'onUnload');
    page.root.detach();
    page.container.remove();
    if (this.tabPages.get(page.route) === page) this.tabPages.delete(page.route);
  }

  private lifecycle(page: MountedPage, method: string, ...args: unknown[]): void {
    const fn = page.root.instance[method];
    if (typeof fn !== 'function') return;
    try {
      const result: unknown = (fn as (...a: unknown[]) => unknown).apply(page.root.instance, args);
      if (result instanceof Promise) result.catch((error: unknown) => this.events.pageError(page.route, method, error));
    } catch (error) {
      this.events.pageError(page.route, method, error);
    }
  }
}
