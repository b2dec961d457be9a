import { randomBytes } from 'node:crypto';
import { CloudBaseError } from '../http/errors';
import type { Clock } from '../clock';
import type { View } from './engine';
import type { Change, Store } from './store';

/** CloudBase aborts a transaction that has not committed within 30 seconds. */
export const TRANSACTION_TIMEOUT_MS = 30_000;

export interface Transaction extends View {
  id: string;
  startedAt: number;
}

export const conflict = (detail: string) =>
  new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', `Transaction is conflicting with another transaction: ${detail}`);

/**
 * Snapshot isolation with write-conflict detection, first committer wins.
 * - Reads see the store as of `startTransaction` plus the transaction's own writes.
 * - Writes are buffered. At commit, any written document that changed after the snapshot (another
 *   transaction or a plain write got there first) fails the commit with DATABASE_TRANSACTION_CONFLICT,
 *   so two transactions that both write one document never both commit.
 *   Conflicts are raised at commit rather than at the write because the pinned wx-server-sdk keeps the
 *   error code only on `commit()`: a write's error reaches `runTransaction` as a generic -501001 and
 *   would not be retried.
 * - Abort (or expiry after 30 s) discards the write set: nothing reaches the store.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly timeoutMs = TRANSACTION_TIMEOUT_MS,
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
    return tx;
  }

  get(id: unknown): Transaction {
    this.expire();
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist, has ended or expired`);
    return tx;
  }

  /** Buffers writes in the transaction; they reach the store only at commit. */
  write(tx: Transaction, changes: Change[]): void {
    for (const ch of changes) tx.writes.set(`${ch.coll}\u0000${ch.id}`, ch);
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

  private end(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    this.store.closeSnapshot(tx.snapshot);
  }

  private expire(): void {
    const now = this.clock.now();
    for (const tx of this.open.values()) if (now - tx.startedAt > this.timeoutMs) this.end(tx);
  }
}
