/**
 * Loads a mini-program page (written with `Component({methods: {onLoad, ...}})`) in
 * miniprogram-simulate with the official WXML compiler and the packed TDesign components, runs
 * its lifecycle, and fails the test if a TDesign tag rendered empty. See test/miniprogram/README.md.
 */
import fs from 'fs';
import path from 'path';
import type { Transport } from '../../../miniprogram/services/transport';
import { npmComponentOverrides, unrenderedTDesignTags } from './npm-components';
import { tappable, textOf, type SimNode, type SimRoot } from './sim-node';

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): SimRoot;
}

/** The page's own copy of services/cloud.ts (see `register`). */
interface CloudService {
  setTransport(transport: Transport | null): void;
}

const simulate: Simulate = require('miniprogram-simulate');

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

const LOAD_OPTIONS = {
  rootPath: MINIPROGRAM_ROOT,
  // The pure-JS compiler ignores <wxs src>, <import> and <template is>, which TDesign uses.
  compiler: 'official',
  // TDesign's compiled templates are close to 1 MB of JavaScript.
  compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
};

interface Registration {
  id: string;
  /** The page registry's copies of the shared modules, by path under miniprogram/ without extension. */
  modules: Map<string, unknown>;
}

/** Folders of modules that hold state shared between pages (and services/cloud.ts's transport). */
const SHARED_MODULE_DIRS = ['config', 'services', 'shared'];

function sharedModulePaths(): string[] {
  return SHARED_MODULE_DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(MINIPROGRAM_ROOT, dir))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => `${dir}/${file.slice(0, -'.ts'.length)}`),
  );
}

/** Per test file: simulate cannot load the same file twice in one module registry. */
const registrations = new Map<string, Registration>();

/**
 * Loads the page once per test file inside `jest.isolateModules`: under jest, simulate's way of
 * re-running a component file (deleting it from require.cache) does nothing, so a second load in
 * the same registry would register nothing. The page and everything it imports (its own copy of
 * services/cloud.ts included) live in that isolated registry, so the transport is set on the
 * copy taken from inside it, never on one the test file imports; `moduleOf` hands out the
 * others.
 */
function register(pagePath: string): Registration {
  const cached = registrations.get(pagePath);
  if (cached) return cached;
  const componentPath = path.join(MINIPROGRAM_ROOT, pagePath);
  const usingComponents = npmComponentOverrides(MINIPROGRAM_ROOT, componentPath);
  let registration: Registration | undefined;
  jest.isolateModules(() => {
    const id = simulate.load(componentPath, { ...LOAD_OPTIONS, usingComponents });
    const modules = new Map<string, unknown>();
    for (const modulePath of sharedModulePaths()) modules.set(modulePath, require(path.join(MINIPROGRAM_ROOT, modulePath)));
    registration = { id, modules };
  });
  if (!registration) throw new Error(`could not load ${pagePath}`);
  registrations.set(pagePath, registration);
  return registration;
}

export interface LoadPageOptions {
  /** Passed to `onLoad`, like the query of the page URL. */
  query?: Record<string, string>;
  /**
   * Answers the page's cloud function calls; without one, a call fails the test. `'app'` keeps
   * the transport config/env.ts selects: in local mode, `wx.request` to the emulator gateway.
   */
  transport?: Transport | 'app';
  /** Call `onShow` after `onLoad` (default true, as when a page opens). */
  show?: boolean;
}

export interface LoadedPage {
  readonly root: SimNode;
  /** The page's `this`: its data and methods. */
  readonly instance: Record<string, unknown>;
  /** The page's current `data`. */
  readonly data: Record<string, unknown>;
  /** The first node matching `selector` (class or id selectors; `a >>> b` enters a component). */
  find(selector: string): SimNode | undefined;
  findAll(selector: string): SimNode[];
  /** Trimmed text of the first match (virtual hosts included); throws when nothing matches. */
  text(selector: string): string;
  /** Trimmed text of every match. */
  texts(selector: string): string[];
  exists(selector: string): boolean;
  /** Taps the first match of a selector, or a node from `findAll`, and settles. */
  tap(target: string | SimNode): Promise<void>;
  /**
   * Makes a component (e.g. a TDesign one) emit `eventName` with `detail`, as it does on user input
   * that jsdom cannot play (typing into t-input, confirming t-search), and settles.
   */
  trigger(target: string | SimNode, eventName: string, detail?: unknown): Promise<void>;
  /** Calls a lifecycle method such as `onShow` or `onPullDownRefresh`, then settles. */
  lifecycle(name: string, ...args: unknown[]): Promise<void>;
  /** Lets pending promises and timers run, then checks that every TDesign tag rendered. */
  settle(): Promise<void>;
  /** Settles until `condition` holds (for calls that take real time, e.g. to the emulator). */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  /**
   * The page's own copy of a module under config/, services/ or shared/ (e.g.
   * `'shared/category-intent'`): the one a test imports is a different copy.
   */
  moduleOf<T>(modulePath: string): T;
}

/** Pages rendered by the current test, checked and detached after it. */
const mounted = new Map<SimRoot, string>();

function assertTDesignRendered(root: SimRoot, pagePath: string): void {
  const empty = unrenderedTDesignTags(root.dom);
  if (empty.length) {
    throw new Error(
      `${pagePath}: TDesign tags rendered empty (unresolved component: check usingComponents and miniprogram_npm):\n  ${empty.join('\n  ')}`,
    );
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls made by pages loaded without a transport; any one fails the test after it. */
const unexpectedCalls: string[] = [];

function missingTransport(pagePath: string): Transport {
  return async (request) => {
    const call = `${pagePath} called ${request.name}.${request.data.action}, but loadPage got no transport`;
    unexpectedCalls.push(call);
    throw new Error(call);
  };
}

function callMethod(instance: Record<string, unknown>, name: string, args: unknown[]): unknown {
  const method = instance[name];
  if (typeof method !== 'function') throw new Error(`the page has no method ${name}`);
  return (method as (...a: unknown[]) => unknown).apply(instance, args);
}

/** Renders a page by its path under miniprogram/ (e.g. `pages/home/index`) and runs onLoad/onShow. */
export async function loadPage(pagePath: string, options: LoadPageOptions = {}): Promise<LoadedPage> {
  const { id, modules } = register(pagePath);
  const moduleOf = <T>(modulePath: string): T => {
    if (!modules.has(modulePath)) throw new Error(`${modulePath} is not a module under ${SHARED_MODULE_DIRS.join('/, ')}/`);
    return modules.get(modulePath) as T;
  };
  const transport = options.transport ?? missingTransport(pagePath);
  moduleOf<CloudService>('services/cloud').setTransport(transport === 'app' ? null : transport);
  const root = simulate.render(id);
  root.attach(document.createElement('parent-wrapper'));
  mounted.set(root, pagePath);

  const settle = async () => {
    await flush();
    try {
      assertTDesignRendered(root, pagePath);
    } catch (error) {
      mounted.delete(root); // reported once is enough
      throw error;
    }
  };
  const find = (selector: string) => root.querySelector(selector);
  const page: LoadedPage = {
    root,
    get instance() {
      return root.instance;
    },
    get data() {
      return root.data;
    },
    find,
    findAll: (selector) => root.querySelectorAll(selector),
    text(selector) {
      const node = find(selector);
      if (!node) throw new Error(`${pagePath}: nothing matches ${selector}`);
      return textOf(node);
    },
    texts: (selector) => root.querySelectorAll(selector).map(textOf),
    exists: (selector) => find(selector) !== undefined,
    async tap(target) {
      const node = typeof target === 'string' ? find(target) : target;
      if (!node) throw new Error(`${pagePath}: nothing to tap at ${String(target)}`);
      tappable(node).dispatchEvent('tap');
      await settle();
    },
    async trigger(target, eventName, detail = {}) {
      const node = typeof target === 'string' ? find(target) : target;
      if (!node) throw new Error(`${pagePath}: nothing to trigger ${eventName} on at ${String(target)}`);
      const component = node.instance as { triggerEvent?: (name: string, detail: unknown) => void } | undefined;
      if (typeof component?.triggerEvent !== 'function') throw new Error(`${pagePath}: ${String(target)} is not a component`);
      component.triggerEvent(eventName, detail);
      await settle();
    },
    async lifecycle(name, ...args) {
      await callMethod(root.instance, name, args);
      await settle();
    },
    settle,
    async waitFor(condition, timeoutMs = 10000) {
      // performance.now(): the pages' Date is pinned (support/setup.ts) and does not move
      const deadline = performance.now() + timeoutMs;
      await settle();
      while (!condition()) {
        if (performance.now() > deadline) throw new Error(`${pagePath}: condition still false after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        await settle();
      }
    },
    moduleOf,
  };

  if (typeof root.instance.onLoad === 'function') callMethod(root.instance, 'onLoad', [options.query ?? {}]);
  if (options.show !== false && typeof root.instance.onShow === 'function') callMethod(root.instance, 'onShow', []);
  await settle();
  return page;
}

// Every page a test rendered is checked once more at the end of the test, then detached.
afterEach(() => {
  const pages = [...mounted];
  const calls = unexpectedCalls.splice(0);
  mounted.clear();
  for (const [root] of pages) root.detach();
  for (const [root, pagePath] of pages) assertTDesignRendered(root, pagePath);
  if (calls.length) throw new Error(calls.join('\n'));
});
