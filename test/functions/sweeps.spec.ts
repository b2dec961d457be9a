/**
 * Timers that never stall (server/sweep.ts): the finance settlement and the order sweep work
 * through a backlog larger than one batch in one run, orders held by an open after-sale at the head
 * of the queue keep nobody else from settling, and a run stops starting batches before the
 * function's time limit, leaving the rest for the next run.
 */
import type { OrderDoc, PaymentDoc } from '../../server/model';
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, payFor, seedAddress, seedCatalog } from './checkout-fixtures';

const DAY = 24 * 3600_000;

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
let sweep: typeof import('../../server/sweep');

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  c = await seedCatalog(mall.db, 'sw');
  await seedAddress(mall.db, 'sw-buyer');
  // loaded after startMall pointed this process's wx-server-sdk at the emulator
  sweep = await import('../../server/sweep');
}, 120_000);
afterAll(() => mall?.stop());

async function count(coll: string, query: Record<string, unknown>): Promise<number> {
  return (await mall.db.collection(coll).where(query).count()).total;
}

/** Inserts many documents, a few at a time (the emulator has two function workers and one store). */
async function insertAll(coll: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 20) await Promise.all(docs.slice(i, i + 20).map((data) => mall.db.collection(coll).add({ data })));
}

describe('sweepQueue', () => {
  /** A fake monotonic clock each handled item advances by `itemMs`. */
  type Item = { _id: string; at: Date; blocked?: boolean };
  function fakeRun(queue: Item[], itemMs: number, timeoutSeconds: number) {
    let t = 0;
    const budget = sweep.timeBudget(timeoutSeconds, { clock: () => t });
    const done: string[] = [];
    const run = sweep.sweepQueue<Item>({
      name: 'test',
      field: 'at',
      batch: 10,
      budget,
      page: async (cursor, limit) => {
        const after = queue.filter((q) => !cursor || q.at > cursor.value || (q.at.getTime() === cursor.value.getTime() && !cursor.ids.includes(q._id)));
        return after.sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id)).slice(0, limit);
      },
      handle: async (item) => {
        t += itemMs;
        if (!item.blocked) {
          done.push(item._id);
          queue.splice(queue.indexOf(item), 1);
        }
      },
    });
    return { run, done, elapsed: () => t };
  }

  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000); // ties of three

  test('blocked items at the head do not stop the ones behind them', async () => {
    const queue = Array.from({ length: 45 }, (_, i) => ({ _id: `q${String(i).padStart(2, '0')}`, at: at(i), blocked: i < 25 }));
    const { run, done } = fakeRun(queue, 1, 20);
    expect(await run).toMatchObject({ seen: 45, drained: true });
    expect(done).toHaveLength(20);
    expect(queue.map((q) => q._id)).toEqual(Array.from({ length: 25 }, (_, i) => `q${String(i).padStart(2, '0')}`));
  });

  test('stops starting batches a margin before the time limit, and the next run continues', async () => {
    const queue = Array.from({ length: 100 }, (_, i) => ({ _id: `p${String(i).padStart(3, '0')}`, at: at(i) }));
    // 20 s limit, margin 5 s: 15 s of work at 400 ms an item, 4 s a batch of 10
    const runs: Array<{ seen: number; drained: boolean; elapsed: number; done: string[] }> = [];
    while (queue.length && runs.length < 10) {
      const r = fakeRun(queue, 400, 20);
      runs.push({ ...(await r.run), elapsed: r.elapsed(), done: r.done });
    }
    // three batches fit (12 s), a fourth would not: each run stops, the next goes on where it left
    expect(runs.map((r) => r.seen)).toEqual([30, 30, 30, 10]);
    expect(runs.map((r) => r.drained)).toEqual([false, false, false, true]);
    for (const r of runs) expect(r.elapsed).toBeLessThanOrEqual(15_000);
    expect(runs.flatMap((r) => r.done)).toEqual(Array.from({ length: 100 }, (_, i) => `p${String(i).padStart(3, '0')}`));
    expect(queue).toEqual([]);
  });
});

async function settlementRun(): Promise<{ settled: number; held: number; failed: number; drained: boolean }> {
  const fired = await mall.fireTimer('finance', 'sweep');
  expect(fired).toMatchObject({ ok: true, result: { ok: true } });
  return fired.result.data.settlement;
}

async function expiryRun(): Promise<{ cancelled: number; drained: boolean }> {
  const fired = await mall.fireTimer('order', 'sweep');
  expect(fired).toMatchObject({ ok: true, result: { ok: true } });
  return fired.result.data.expireUnpaid;
}

describe('finance settlement', () => {
  test('orders held by open after-sales at the head of the queue keep no one from settling, and one run settles more than a batch', async () => {
    const { created } = await checkout(mall, 'sw-buyer', [{ skuId: c.tea, quantity: 1 }]);
    await payFor(mall, 'sw-buyer', created.paymentId);
    const orderId = created.orderIds[0]!;
    await mall.db.collection('orders').doc(orderId).update({ data: { status: 'shipped', shippedAt: new Date() } });
    await mall.as('sw-buyer').ok('order', 'confirmReceipt', { orderId });
    const { _id: _ignored, ...template } = (await read(mall.db, 'orders', orderId)) as OrderDoc;
    const now = Date.now();
    // 120 orders held by an open after-sale, oldest first (more than a batch of 100), then 130 due
    const held = Array.from({ length: 120 }, (_, i) => ({ ...template, _id: `sw-held-${i}`, completedAt: new Date(now - 30 * DAY + i * 1000) }));
    const due = Array.from({ length: 130 }, (_, i) => ({ ...template, _id: `sw-due-${i}`, completedAt: new Date(now - 20 * DAY + i * 1000) }));
    await insertAll('orders', [...held, ...due]);
    await insertAll('after_sales', held.map((o, i) => ({ _id: `sw-as-${i}`, orderId: o._id, status: i % 2 ? 'requested' : 'returning' })));

    const runs = [await settlementRun()];
    // a slow machine may stop a run for time; the next one goes on from the head of the queue
    while (!runs[runs.length - 1]!.drained && runs.length < 4) runs.push(await settlementRun());

    expect(runs[0]).toMatchObject({ held: 120, failed: 0 });
    expect(runs[0]!.settled).toBeGreaterThan(100);
    expect(await count('orders', { _id: mall.db.RegExp({ regexp: '^sw-due-' }), settledAt: mall.db.command.exists(false) })).toBe(0);
    expect(await count('orders', { _id: mall.db.RegExp({ regexp: '^sw-held-' }), settledAt: mall.db.command.exists(true) })).toBe(0);
  }, 180_000);
});

describe('order sweep', () => {
  test('one run cancels a backlog of unpaid payments larger than one batch', async () => {
    const { created } = await checkout(mall, 'sw-buyer', [{ skuId: c.pen, quantity: 1 }]);
    const payment = (await read(mall.db, 'payments', created.paymentId)) as PaymentDoc;
    const order = (await read(mall.db, 'orders', created.orderIds[0]!)) as OrderDoc;
    const past = new Date(Date.now() - 3600_000);
    const n = 80; // the order sweep reads 50 payments a batch
    const payments = Array.from({ length: n }, (_, i) => ({ ...payment, _id: `sw-pay-${i}`, requestId: `sw-req-${i}`, orderIds: [`sw-unpaid-${i}`], payDeadline: new Date(past.getTime() + i) }));
    const orders = Array.from({ length: n }, (_, i) => ({ ...order, _id: `sw-unpaid-${i}`, paymentId: `sw-pay-${i}` }));
    await insertAll('orders', orders);
    await insertAll('payments', payments);

    const runs = [await expiryRun()];
    while (!runs[runs.length - 1]!.drained && runs.length < 3) runs.push(await expiryRun());

    expect(runs[0]!.cancelled).toBeGreaterThan(50);
    expect(await count('payments', { _id: mall.db.RegExp({ regexp: '^sw-pay-' }), status: 'closed' })).toBe(n);
    expect(await count('orders', { _id: mall.db.RegExp({ regexp: '^sw-unpaid-' }), status: 'cancelled' })).toBe(n);
  }, 180_000);
});
