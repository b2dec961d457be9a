/**
 * The mall's transaction helper (`inTransaction`, server/repo.ts + server/transaction-retry.ts)
 * against the emulator's faithful transaction locks, through the real wx-server-sdk: a transaction
 * that meets another's lock is refused at once with a generic -501001 that `runTransaction` does
 * not retry, so the helper re-runs it with back-off, and gives up with TRANSACTION_BUSY.
 */
import { type Mall, startMall } from '../support/mall';

let mall: Mall;
let repo: typeof import('../../server/repo');
const ACCOUNT = 'shop-tx-retry';

beforeAll(async () => {
  mall = await startMall({ workers: 1 });
  // server/cloud.ts initialises the SDK on import: load it once startMall has pointed it at the emulator
  repo = await import('../../server/repo');
  await mall.db.collection('shop_accounts').add({ data: { _id: ACCOUNT, availableFen: 1000, withdrawingFen: 0, paidOutFen: 0, updatedAt: new Date() } });
});
afterAll(() => mall.stop());

const available = async () => ((await mall.db.collection('shop_accounts').doc(ACCOUNT).get()).data as { availableFen: number }).availableFen;

test('a transaction refused by another transaction lock is re-run once the lock is gone', async () => {
  const _ = mall.db.command;
  const holder = await mall.db.startTransaction();
  await holder.collection('shop_accounts').doc(ACCOUNT).update({ data: { availableFen: _.inc(-100) } });
  let runs = 0;
  const retried = repo.inTransaction(async (tx) => {
    runs++;
    const acc = await tx.get('shop_accounts', ACCOUNT);
    await tx.update('shop_accounts', ACCOUNT, { availableFen: acc!.availableFen - 1 });
    return acc!.availableFen;
  });
  setTimeout(() => void holder.commit(), 150);
  // the re-run read the committed 900: nothing was lost
  expect(await retried).toBe(900);
  expect(runs).toBeGreaterThan(1);
  expect(await available()).toBe(899);
});

test('a transaction that keeps losing stops after its attempts with TRANSACTION_BUSY and writes nothing', async () => {
  const holder = await mall.db.startTransaction();
  await holder.collection('shop_accounts').doc(ACCOUNT).update({ data: { paidOutFen: 1 } });
  let runs = 0;
  await expect(
    repo.inTransaction(
      async (tx) => {
        runs++;
        await tx.update('shop_accounts', ACCOUNT, { availableFen: 0 });
      },
      { attempts: 4, baseDelayMs: 5 },
    ),
  ).rejects.toMatchObject({ name: 'Failure', code: 'TRANSACTION_BUSY', details: { attempts: 4 } });
  expect(runs).toBe(4);
  await holder.rollback();
  expect(await available()).toBe(899);
});

test('racing transactions on one document all land, each exactly once', async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, () =>
      repo.inTransaction(async (tx) => {
        const acc = await tx.get('shop_accounts', ACCOUNT);
        await tx.update('shop_accounts', ACCOUNT, { availableFen: acc!.availableFen - 10 });
      }),
    ),
  );
  expect(results).toHaveLength(8);
  expect(await available()).toBe(899 - 80);
});

test('a business failure inside the transaction is not retried', async () => {
  let runs = 0;
  await expect(
    repo.inTransaction(async () => {
      runs++;
      throw Object.assign(new Error('余额不足'), { name: 'Failure', code: 'INSUFFICIENT_BALANCE' });
    }),
  ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
  expect(runs).toBe(1);
});
