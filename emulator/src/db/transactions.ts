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
  /** Version of each written document when this transaction first wrote it. */
  baseVersions: Map<string, number>;
}

export const conflict = (detail: string) =>
  new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', `Transaction is conflicting with another transaction: ${detail}`);

/**
 * Snapshot isolation with write-conflict detection.
 * - Reads see the store as of `startTransaction` plus the transaction's own writes.
 * - First writer wins: writing a document another open transaction already wrote, or one that was
 *   committed after this snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT (MongoDB's
 *   WriteConflict); commit re-checks, so two transactions that both write one document never both commit.
 * - Abort (or expiry after 30 s) discards the write set: nothing reaches the store.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  /** Which open transaction holds each written document. */
  private readonly owners = new Map<string, string>();

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
      baseVersions: new Map(),
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

  /** Records writes in the transaction after the first-writer-wins check. */
  write(tx: Transaction, changes: Change[]): void {
    for (const ch of changes) {
      const key = `${ch.coll}\u0000${ch.id}`;
      const owner = this.owners.get(key);
      if (owner && owner !== tx.id) {
        this.end(tx);
        throw conflict(`${ch.coll}/${ch.id} is being written by another transaction`);
      }
      if (!tx.baseVersions.has(key)) {
        const ver = this.store.version(ch.coll, ch.id);
        if (ver > tx.snapshot) {
          this.end(tx);
          throw conflict(`${ch.coll}/${ch.id} changed after the transaction started`);
        }
        tx.baseVersions.set(key, ver);
      }
    }
    for (const ch of changes) {
      const key = `${ch.coll}\u0000${ch.id}`;
      this.owners.set(key, tx.id);
      tx.writes.set(key, ch);
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

  private end(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    for (const key of tx.writes.keys()) if (this.owners.get(key) === tx.id) this.owners.delete(key);
    for (const key of tx.baseVersions.keys()) if (this.owners.get(key) === tx.id) this.owners.delete(key);
    this.store.closeSnapshot(tx.snapshot);
  }

  private expire(): void {
    const now = this.clock.now();
    for (const tx of this.open.values()) if (now - tx.startedAt > this.timeoutMs) this.end(tx);
  }
}
