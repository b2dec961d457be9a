/**
 * Retrying a database transaction that lost a race, with bounded, jittered back-off.
 *
 * CloudBase locks every document a transaction writes until it commits or aborts. A second
 * transaction writing a locked document fails at once, and the pinned wx-server-sdk hands that
 * failure to `runTransaction` as a generic -501001 error, which `runTransaction` does not retry
 * (it retries only a commit's DATABASE_TRANSACTION_CONFLICT). So two shoppers settling, refunding
 * or reviewing at the same moment would see one of them fail for no business reason. Every
 * transaction of the mall therefore goes through `withTransactionRetry`: a lost race (a lock
 * refusal or a commit conflict) is retried from the start after a short random pause; anything
 * else (a business Failure, a bug) is thrown as is. After `attempts` lost races it stops with
 * TRANSACTION_BUSY, a failure the page shows as "please try again".
 */
import { fail } from './failure';
import { logEvent } from './log';

export interface RetryOptions {
  /** Runs of the transaction at most (default 8). */
  attempts?: number;
  /** First pause in ms; doubles each time, randomised (full jitter), capped at `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export const TRANSACTION_ATTEMPTS = 8;

/**
 * A transaction that lost a race: a write refused by another transaction's lock (CloudBase's
 * WriteConflict, reaching us as a generic -501001 whose message keeps the cause) or a commit
 * refused because a written document changed after the transaction started.
 */
export function isTransactionContention(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { message, errMsg, code } = e as Record<string, unknown>;
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const text = [message, errMsg].filter((v) => typeof v === 'string').join(' ');
  return /DATABASE_TRANSACTION_CONFLICT|WriteConflict|write conflict|locked by another transaction/i.test(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not lose a race, at most `attempts` times (see the module comment). */
export async function withTransactionRetry<T>(attempt: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? TRANSACTION_ATTEMPTS;
  const base = opts.baseDelayMs ?? 15;
  const cap = opts.maxDelayMs ?? 400;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isTransactionContention(e)) throw e;
      if (n >= attempts) {
        logEvent('transaction_busy', { attempts: n, error: String((e as { errMsg?: unknown; message?: unknown }).errMsg ?? (e as Error).message) });
        return fail('TRANSACTION_BUSY', '当前操作的人较多，请稍后重试', { attempts: n });
      }
      logEvent('transaction_retry', { attempt: n, error: String((e as { errMsg?: unknown; message?: unknown }).errMsg ?? (e as Error).message).slice(0, 160) });
      await sleep(Math.random() * Math.min(cap, base * 2 ** (n - 1)) + 1);
    }
  }
}
