import type { Clock } from '../../clock';
import type { FunctionInvoker } from '../../types';
import type { NewNotification, NotificationStore, PayNotification } from './notification-store';

export interface NotifierDeps {
  store: NotificationStore;
  functions: FunctionInvoker;
  clock: Clock;
  appid: string;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  maxAttempts: number;
  log(event: string, detail?: Record<string, unknown>): void;
}

/** The answer a payment callback must give for WeChat to stop retrying. */
export function isAcknowledged(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { errcode?: unknown }).errcode === 0;
}

/**
 * Delivers payment and refund notifications to callback functions the way WeChat Pay does:
 * asynchronously, retried with backoff until the function answers `{errcode: 0}` (here with short,
 * configurable delays and a cap on attempts instead of two days), optionally followed by extra
 * copies of the same event (WeChat sends duplicates even after success). Every call is recorded in
 * `pay_deliveries`; unfinished notifications survive a restart and are resumed by `resume()`.
 */
export class PayNotifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Map<number, Array<(n: PayNotification) => void>>();
  private closed = false;

  constructor(private readonly deps: NotifierDeps) {}

  /** Persists a notification (call inside the transaction that caused it); `start()` it after commit. */
  record(n: Omit<NewNotification, 'createdAt'>): number {
    return this.deps.store.insert({ ...n, createdAt: this.deps.clock.now() });
  }

  start(id: number, delayMs = 0): void {
    this.later(delayMs, () => this.attempt(id));
  }

  /** Resolves once the notification is delivered (with its extra copies) or given up. */
  settled(id: number): Promise<PayNotification> {
    const n = this.deps.store.get(id);
    if (!n) return Promise.reject(new Error(`no notification ${id}`));
    if (n.state === 'delivered' || n.state === 'exhausted') return Promise.resolve(n);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  /** Restarts notifications left unfinished by a previous run of the emulator. */
  resume(): number {
    const pending = this.deps.store.unfinished();
    for (const n of pending) this.start(n.id, 0);
    return pending.length;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(delayMs: number, fn: () => Promise<void>): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn().catch((e: unknown) => this.deps.log('pay_notify_internal_error', { error: e instanceof Error ? e.stack : String(e) }));
    }, delayMs);
    this.timers.add(t);
  }

  private async attempt(id: number): Promise<void> {
    const n = this.deps.store.get(id);
    if (!n || this.closed) return;
    if (n.state === 'duplicating') return this.sendDuplicates(n);
    if (n.state !== 'pending') return;
    const attempt = n.attempts + 1;
    const ok = await this.deliver(n, attempt, 0);
    if (this.closed) return;
    if (ok) {
      this.deps.store.setProgress(id, { state: 'duplicating', attempts: attempt });
      this.deps.log('pay_notify_acknowledged', { id, kind: n.kind, outTradeNo: n.outTradeNo, attempt });
      return this.sendDuplicates({ ...n, state: 'duplicating', attempts: attempt });
    }
    if (attempt >= this.deps.maxAttempts) {
      this.deps.store.setProgress(id, { state: 'exhausted', attempts: attempt, finishedAt: this.deps.clock.now() });
      this.deps.log('pay_notify_exhausted', { id, kind: n.kind, outTradeNo: n.outTradeNo, attempts: attempt });
      return this.finish(id);
    }
    this.deps.store.setProgress(id, { state: 'pending', attempts: attempt });
    const delay = Math.min(this.deps.retryBaseMs * 2 ** (attempt - 1), this.deps.retryMaxDelayMs);
    this.later(delay, () => this.attempt(id));
  }

  private async sendDuplicates(n: PayNotification): Promise<void> {
    const copies: number[] = [];
    for (let c = n.duplicatesSent + 1; c <= n.duplicates; c++) copies.push(c);
    if (n.parallel) {
      await Promise.all(copies.map((c) => this.deliver(n, 0, c)));
      if (this.closed) return;
    } else {
      for (const c of copies) {
        await this.deliver(n, 0, c);
        if (this.closed) return;
        this.deps.store.setProgress(n.id, { state: 'duplicating', duplicatesSent: c });
      }
    }
    this.deps.store.setProgress(n.id, { state: 'delivered', duplicatesSent: n.duplicates, finishedAt: this.deps.clock.now() });
    this.finish(n.id);
  }

  /** Calls the function once and records the call; true when it acknowledged with `{errcode: 0}`. */
  private async deliver(n: PayNotification, attempt: number, copy: number): Promise<boolean> {
    const startedAt = this.deps.clock.now();
    const r = await this.deps.functions.invoke(n.functionName, n.event, {
      source: 'wx_paycallback',
      openid: n.openid ?? undefined,
      appid: this.deps.appid,
    });
    const ok = !r.error && isAcknowledged(r.result);
    const error = r.error ? r.error.message : ok ? null : `callback did not return {errcode: 0}: ${JSON.stringify(r.result) ?? 'undefined'}`;
    if (this.closed) return ok;
    this.deps.store.addDelivery({
      notificationId: n.id,
      kind: n.kind,
      outTradeNo: n.outTradeNo,
      outRefundNo: n.outRefundNo,
      functionName: n.functionName,
      attempt,
      copy,
      ok,
      result: r.result,
      error,
      startedAt,
      durationMs: r.durationMs,
    });
    this.deps.log('pay_notify_delivery', { id: n.id, kind: n.kind, outTradeNo: n.outTradeNo, functionName: n.functionName, attempt, copy, ok, error });
    return ok;
  }

  private finish(id: number): void {
    const n = this.deps.store.get(id);
    const list = this.waiters.get(id);
    this.waiters.delete(id);
    if (n && list) for (const resolve of list) resolve(n);
  }
}
