import { _ } from './cloud';
import { isDuplicateKey } from './db-errors';
import { fail } from './failure';
import { newId } from './ids';
import type { UserDoc } from './model';
import { repo } from './repo';

/**
 * How long a lock is held at most: as long as the functions that take it may run (their
 * config.json timeout, 10 s), far more than a holder needs (a few reads and writes), so a lease
 * never runs out under a live holder, and a function that dies holding it blocks its user for this
 * long, never for good.
 */
export const USER_LOCK_LEASE_MS = 10_000;
/** How long a caller waits for the lock before answering CONFLICT. */
export const USER_LOCK_WAIT_MS = 7_000;

/** The profile a first sign-in creates; also made when a lock is needed before any sign-in. */
export function newUserDoc(openid: string, now: number): UserDoc {
  return { _id: openid, nickname: '微信用户', avatarUrl: '', createdAt: new Date(now), updatedAt: new Date(now), lastSeenAt: new Date(now) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tryTake(openid: string, token: string): Promise<boolean> {
  const now = Date.now();
  const free = { _id: openid, lockUntil: _.or(_.exists(false), _.lt(new Date(now))) };
  return (await repo.updateWhere('users', free, { lockToken: token, lockUntil: new Date(now + USER_LOCK_LEASE_MS) })) === 1;
}

/**
 * Runs `fn` while holding the lock of one user, so that changes to that user's bounded lists
 * (at most N addresses, cart lines, favourites) and to "exactly one default address" happen one at
 * a time: inside `fn`, counting and then inserting is exact, because every insert into such a list
 * takes this lock first.
 *
 * The lock is a lease on the user's `users` document, taken by one conditional update (free or
 * expired -> ours until now + lease) and given back by another that only matches our token, so a
 * holder whose lease ran out cannot free a later holder's lock. No transaction is involved: the
 * lease works the same where transactions lock documents or conflict. A caller that cannot get the
 * lock within USER_LOCK_WAIT_MS is answered CONFLICT (try again) and changes nothing.
 */
export async function withUserLock<T>(openid: string, fn: () => Promise<T>): Promise<T> {
  const token = newId();
  const deadline = Date.now() + USER_LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (await tryTake(openid, token)) break;
    if (attempt === 0 && !(await repo.get('users', openid))) {
      // no profile yet (the user never signed in): make it, then take the lock at once
      try {
        await repo.insert('users', newUserDoc(openid, Date.now()));
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      continue;
    }
    if (Date.now() >= deadline) fail('CONFLICT', '操作太频繁，请稍后再试');
    await sleep(20 + Math.floor(Math.random() * Math.min(150, 20 * (attempt + 1))));
  }
  try {
    return await fn();
  } finally {
    await repo.updateWhere('users', { _id: openid, lockToken: token }, { lockUntil: new Date(0) });
  }
}
