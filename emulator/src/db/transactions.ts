import { randomBytes } from 'node:crypto';
import { CloudBaseError } from '../http/errors';
import type { Clock } from '../clock';
import type { View } from './engine';
import type { Change, Store } from './store';

/** CloudBase aborts a transaction that has not committed within 30 seconds. */
export const TRANSACTION_TIMEOUT_MS = 30_000;
/**
 * How long a plain (non-transactional) write waits for a transaction's lock before it fails with
 * SERVER_TIMEOUT. CloudBase documents that such a write blocks until the lock is released, not for
 * how long; the emulator bounds the wait well inside a function's time limit.
 */
export const LOCK_WAIT_MS = 5_000;

export interface Transaction extends View {
  id: string;
  startedAt: number;
}

export const conflict = (detail: string) =>
  new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', `Transaction is conflicting with another transaction: ${detail}`);

/** A transaction's write to a document another open transaction has written. */
export const locked = (key: string) =>
  new CloudBaseError(
    'DATABASE_TRANSACTION_CONFLICT',
    `WriteConflict: ${key.replace('\u0000', '/')} is locked by another transaction (written in it, not yet committed or aborted); retry the transaction`,
  );

const lockTimeout = (keys: string[], ms: number) =>
  new CloudBaseError('SERVER_TIMEOUT', `operation timed out after ${ms} ms waiting for the transaction lock on ${keys.map((k) => k.replace('\u0000', '/')).join(', ')}`);

export const lockKey = (ch: Pick<Change, 'coll' | 'id'>) => `${ch.coll}\u0000${ch.id}`;

/**
 * Snapshot isolation with transaction locks, as CloudBase's transaction guide describes it.
 * - Reads see the store as of `startTransaction` plus the transaction's own writes; reads never wait.
 * - A write inside a transaction locks the document until commit, abort or expiry. Another
 *   transaction's write to a locked document fails at once (DATABASE_TRANSACTION_CONFLICT, which the
 *   pinned wx-server-sdk hands to `runTransaction` as a generic -501001 that it does not retry, so
 *   callers retry the whole transaction themselves). A plain write to it waits until the lock is
 *   released (then runs against the committed result) or `LOCK_WAIT_MS` passes (SERVER_TIMEOUT).
 * - Writes are buffered. At commit, any written document that changed after the snapshot (a plain
 *   write, or a transaction that committed before this one wrote) fails the commit with
 *   DATABASE_TRANSACTION_CONFLICT, which `runTransaction` retries: first committer wins.
 * - Abort (or expiry after 30 s) discards the write set: nothing reaches the store; locks are freed.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  /** Locked document (`coll\0id`) -> id of the transaction that wrote it. */
  private readonly locks = new Map<string, string>();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  /** Plain writes waiting for a lock; each re-checks its documents whenever any lock is freed. */
  private waiters: Array<() => void> = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly timeoutMs = TRANSACTION_TIMEOUT_MS,
    private readonly lockWaitMs = LOCK_WAIT_MS,
  ) {}

  start(): Transaction {
    this.expire();
    const tx: Transaction = {
      id: randomBytes(12).toString('hex'),
      snapshot: this.store.openSnapshot(),
      writes: new Map(),
      startedAt: this.clock.now(),
    };
    this.open.set(tx.id, tx);
    // an abandoned transaction must free its locks even if no request comes to notice it expired
    const timer = setTimeout(() => this.end(tx), this.timeoutMs);
    timer.unref();
    this.expiryTimers.set(tx.id, timer);
    return tx;
  }

  get(id: unknown): Transaction {
    this.expire();
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist, has ended or expired`);
    return tx;
  }

  /** Buffers writes in the transaction and locks their documents; fails at once on another's lock. */
  write(tx: Transaction, changes: Change[]): void {
    for (const ch of changes) {
      const holder = this.locks.get(lockKey(ch));
      if (holder !== undefined && holder !== tx.id) throw locked(lockKey(ch));
    }
    for (const ch of changes) {
      this.locks.set(lockKey(ch), tx.id);
      tx.writes.set(lockKey(ch), ch);
    }
  }

  /** Documents among `keys` that an open transaction has locked. */
  lockedKeys(keys: string[]): string[] {
    this.expire();
    return keys.filter((k) => this.locks.has(k));
  }

  /**
   * Waits until none of `keys` is locked (a plain write's wait), or fails with SERVER_TIMEOUT after
   * `lockWaitMs`. The caller plans its write again afterwards: the documents may have changed.
   */
  async waitUnlocked(keys: string[]): Promise<void> {
    const deadline = Date.now() + this.lockWaitMs;
    for (;;) {
      const held = this.lockedKeys(keys);
      if (held.length === 0) return;
      const left = deadline - Date.now();
      if (left <= 0) throw lockTimeout(held, this.lockWaitMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
      });
    }
  }

  commit(tx: Transaction): void {
    try {
      for (const [key, ch] of tx.writes) {
        if (this.store.version(ch.coll, ch.id) > tx.snapshot) throw conflict(`${key.replace('\u0000', '/')} changed after the transaction started`);
      }
      this.store.commit([...tx.writes.values()]);
    } finally {
      this.end(tx);
    }
  }

  abort(tx: Transaction): void {
    this.end(tx);
  }

  openCount(): number {
    return this.open.size;
  }

  lockCount(): number {
    return this.locks.size;
  }

  private end(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    clearTimeout(this.expiryTimers.get(tx.id));
    this.expiryTimers.delete(tx.id);
    this.store.closeSnapshot(tx.snapshot);
    let freed = false;
    for (const key of tx.writes.keys()) {
      if (this.locks.get(key) === tx.id) {
        this.locks.delete(key);
        freed = true;
      }
    }
    if (freed && this.waiters.length) {
      const wake = this.waiters;
      this.waiters = [];
      for (const w of wake) w();
    }
  }

  private expire(): void {
    const now = this.clock.now();
    for (const tx of [...this.open.values()]) if (now - tx.startedAt > this.timeoutMs) this.end(tx);
  }
}
