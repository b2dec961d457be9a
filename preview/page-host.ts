/**
 * The main thread's handle on a page host (host/worker.ts): a worker thread running one
 * mini-program in jsdom. Each browser session of the preview gets its own, so identities, storage
 * and page stacks never mix; the screenshot runner uses one for all pages.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import { MINIPROGRAM_ROOT, PAGE_TEST_SUPPORT, REPO_ROOT } from './paths';
import type { HostMethod, HostMethods, HostRequestMessage, HostResponseMessage, Snapshot, StartRequest } from './protocol';

const WORKER_ENTRY = path.join(__dirname, 'host/worker-entry.js');

interface WxmlCache {
  readWxmlCache(root: string): string | null;
  writeWxmlCache(root: string, options: { maxBuffer: number }): void;
}

let prepared: Promise<void> | null = null;

/**
 * Makes sure miniprogram/miniprogram_npm is built and the compiled-WXML cache of the page tests
 * is current (both are rebuilt by the page tests' global setup when stale), once per process.
 */
export function prepareMiniprogram(): Promise<void> {
  prepared ??= (async () => {
    const { buildMiniprogramNpm } = require(path.join(REPO_ROOT, 'scripts/build-miniprogram-npm.js')) as { buildMiniprogramNpm(options: { ifStale: boolean }): Promise<unknown> };
    await buildMiniprogramNpm({ ifStale: true });
    const cache = require(path.join(PAGE_TEST_SUPPORT, 'wxml-cache.js')) as WxmlCache;
    if (cache.readWxmlCache(MINIPROGRAM_ROOT) === null) {
      // The page tests' setup: miniprogram_npm, wcc's execute bit, miniprogram/'s compiled WXML.
      const globalSetup = require(path.join(PAGE_TEST_SUPPORT, 'global-setup.js')) as () => Promise<void>;
      await globalSetup();
      // Same options as the page tests (load-page.ts).
      if (cache.readWxmlCache(MINIPROGRAM_ROOT) === null) cache.writeWxmlCache(MINIPROGRAM_ROOT, { maxBuffer: 64 * 1024 * 1024 });
    }
  })();
  return prepared;
}

type Result<M extends HostMethod> = Awaited<ReturnType<HostMethods[M]>>;
type Params<M extends HostMethod> = Parameters<HostMethods[M]>[0];

export class PageHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private readonly exitListeners = new Set<(error: Error) => void>();
  private nextId = 1;
  private exited: Error | null = null;
  private latest: Snapshot | null = null;

  private constructor() {
    this.worker = new Worker(WORKER_ENTRY);
    this.worker.on('message', (message: HostResponseMessage) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the page host exited with code ${code}`)));
  }

  /** Starts a worker and its mini-program, pointed at the emulator as `request.identity`. */
  static async start(request: StartRequest): Promise<PageHost> {
    await prepareMiniprogram();
    const host = new PageHost();
    try {
      await host.call('start', request);
    } catch (error) {
      await host.close();
      throw error;
    }
    return host;
  }

  call<M extends HostMethod>(method: M, params?: Params<M>): Promise<Result<M>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, method, params } satisfies HostRequestMessage);
    });
  }

  /** Calls `listener` with every snapshot the host pushes; returns the unsubscribe function. */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` once if the worker dies (or is closed). */
  onExit(listener: (error: Error) => void): void {
    this.exitListeners.add(listener);
  }

  /** The last snapshot pushed, if any. */
  get lastSnapshot(): Snapshot | null {
    return this.latest;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    this.fail(new Error('the page host was closed'));
    await this.worker.terminate();
  }

  private receive(message: HostResponseMessage): void {
    if ('push' in message) {
      this.latest = message.snapshot;
      for (const listener of this.listeners) listener(message.snapshot);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new Error(message.error));
  }

  private fail(error: Error): void {
    const first = this.exited === null;
    this.exited ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (first) for (const listener of this.exitListeners) listener(error);
  }
}
