/**
 * Acceptance under concurrency: no overselling, a coupon used once however many checkouts race
 * for it, idempotent creation by requestId (sequential and simultaneous), and the saga putting
 * back what an earlier step took when a later one fails.
 */
import { randomUUID } from 'node:crypto';
import type { AddressDoc } from '../../server/model';
import { ADDRESS, read, seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { type CheckoutPlan, planCheckout } from '../../cloudfunctions/order/src/checkout/plan-checkout';
import { CREATE_ORDER_STEPS } from '../../cloudfunctions/order/src/create/create-orders';
import { runSaga, type SagaStep } from '../../cloudfunctions/order/src/create/saga';
import { releaseOrderStock } from '../../cloudfunctions/order/src/lifecycle/release';
import { checkout, giveCoupon, putInCart, seedAddress, seedCatalog, statusOf, stockOf } from './checkout-fixtures';

let mall: Mall;
beforeAll(async () => {
  mall = await startMall();
});
afterAll(() => mall.stop());

const count = async (coll: string, where: Record<string, unknown>): Promise<number> => (await mall.db.collection(coll).where(where).count()).total;

test('300 buyers racing for the last 20 units buy exactly 20', async () => {
  await seedShop(mall.db, { _id: 'flash-shop', shipping: { feeFen: 0, freeThresholdFen: null } });
  await seedGoods(mall.db, { _id: 'flash-goods', shopId: 'flash-shop', title: '限量款' }, [{ _id: 'flash-sku', priceFen: 9900, stock: 20 }]);
  const buyers = Array.from({ length: 300 }, (_, i) => `buyer-${String(i).padStart(3, '0')}`);
  const T0 = new Date('2026-01-01T00:00:00Z');
  for (let i = 0; i < buyers.length; i += 50) {
    await Promise.all(buyers.slice(i, i + 50).map((openid) => mall.db.collection('addresses').add({ data: { _id: `addr-${openid}`, openid, ...ADDRESS, isDefault: true, createdAt: T0, updatedAt: T0 } satisfies AddressDoc })));
  }

  const started = Date.now();
  const results = await Promise.all(
    buyers.map((openid) => mall.as(openid).call('order', 'create', { requestId: randomUUID(), items: [{ skuId: 'flash-sku', quantity: 1 }], addressId: `addr-${openid}`, couponIds: [], expectedPayFen: 9900 })),
  );
  const elapsed = Date.now() - started;

  const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
  expect(codes.filter((x) => x === 'ok')).toHaveLength(20);
  expect(codes.filter((x) => x === 'OUT_OF_STOCK')).toHaveLength(280);
  expect(await stockOf(mall.db, 'flash-sku')).toBe(0);
  expect(await read(mall.db, 'skus', 'flash-sku')).toMatchObject({ stock: 0, sales: 20 });
  expect(await read(mall.db, 'goods', 'flash-goods')).toMatchObject({ stock: 0, sales: 20 });
  const orders = (await mall.db.collection('orders').where({ shopId: 'flash-shop' }).limit(1000).get()).data as Array<{ totalQuantity: number; openid: string }>;
  expect(orders.reduce((n, o) => n + o.totalQuantity, 0)).toBe(20);
  expect(new Set(orders.map((o) => o.openid)).size).toBe(20);
  // the 280 losers' payments were undone by the saga
  expect(await count('payments', { status: 'created', totalFen: 9900 })).toBe(20);
  console.log(`300 concurrent creates finished in ${elapsed} ms`);
}, 120_000);

describe('one coupon, two checkouts at once', () => {
  test.each([1, 2, 3])('round %i: one checkout uses it, the other fails with a coupon code and gets its stock back', async (round) => {
    const p = `race${round}`;
    const c = await seedCatalog(mall.db, p);
    const who = `racer-${round}`;
    await seedAddress(mall.db, who);
    await giveCoupon(mall.db, who, `${p}-coupon`);
    const q = await mall.as(who).ok('order', 'quote', { items: [{ skuId: c.cup, quantity: 1 }], couponIds: [`${p}-coupon`] });
    const attempt = () => mall.as(who).call('order', 'create', { requestId: randomUUID(), items: [{ skuId: c.cup, quantity: 1 }], addressId: `addr-${who}`, couponIds: [`${p}-coupon`], expectedPayFen: q.payFen });
    const results = await Promise.all([attempt(), attempt()]);

    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ ok: false, error: { code: 'COUPON_ALREADY_USED' } });
    expect(await stockOf(mall.db, c.cup)).toBe(9);
    const winner = won[0].ok ? won[0].data : undefined;
    expect(await read(mall.db, 'user_coupons', `${p}-coupon`)).toMatchObject({ status: 'locked', lockedBy: winner!.paymentId });
    expect(await count('payments', { openid: who })).toBe(1);
    expect(await count('orders', { openid: who })).toBe(1);
  });
});

describe('idempotent create by requestId', () => {
  test('sending the same request twice returns the same payment and orders, and takes stock once', async () => {
    const c = await seedCatalog(mall.db, 'idem1');
    await seedAddress(mall.db, 'idem-seq');
    const first = await checkout(mall, 'idem-seq', [{ skuId: c.tea, quantity: 3 }, { skuId: c.pen, quantity: 1 }]);
    const again = await mall.as('idem-seq').ok('order', 'create', { requestId: first.requestId, items: [{ skuId: c.tea, quantity: 3 }, { skuId: c.pen, quantity: 1 }], addressId: 'addr-idem-seq', couponIds: [], expectedPayFen: first.quote.payFen });
    expect(again).toEqual(first.created);
    expect(await stockOf(mall.db, c.tea)).toBe(47);
    expect(await count('payments', { openid: 'idem-seq' })).toBe(1);
    expect(await count('orders', { openid: 'idem-seq' })).toBe(2);
    // another shopper using the same requestId gets a checkout of their own
    await seedAddress(mall.db, 'idem-other');
    const other = await mall.as('idem-other').ok('order', 'create', { requestId: first.requestId, items: [{ skuId: c.tea, quantity: 1 }], addressId: 'addr-idem-other', couponIds: [], expectedPayFen: 3800 });
    expect(other.paymentId).not.toBe(first.created.paymentId);
  });

  test('the same request sent five times at once creates one checkout', async () => {
    const c = await seedCatalog(mall.db, 'idem2');
    await seedAddress(mall.db, 'idem-par');
    await giveCoupon(mall.db, 'idem-par', 'idem2-coupon');
    const request = { requestId: randomUUID(), items: [{ skuId: c.cup, quantity: 1 }, { skuId: c.ink, quantity: 2 }], addressId: 'addr-idem-par', couponIds: ['idem2-coupon'], expectedPayFen: 12000 + 1000 + 600 - 2000 };
    const results = await Promise.all(Array.from({ length: 5 }, () => mall.as('idem-par').call('order', 'create', request)));
    for (const r of results) expect(r).toMatchObject({ ok: true });
    const ids = new Set(results.map((r) => (r.ok ? JSON.stringify(r.data) : '')));
    expect(ids.size).toBe(1);
    expect(await stockOf(mall.db, c.cup)).toBe(9);
    expect(await stockOf(mall.db, c.ink)).toBe(98);
    expect(await count('payments', { openid: 'idem-par' })).toBe(1);
    expect(await count('orders', { openid: 'idem-par' })).toBe(2);
    expect(await statusOf(mall.db, 'user_coupons', 'idem2-coupon')).toBe('locked');
  });
});

/**
 * The create saga's real steps against the emulator's database, run from the test process so a
 * step can fail at a chosen point: between planning (reads) and the step that fails, another
 * checkout changed the data, or an injected step throws.
 */
describe('compensation: a failing step undoes the earlier ones', () => {
  async function planFor(p: string, who: string, couponIds: string[] = []) {
    const c = await seedCatalog(mall.db, p);
    await seedAddress(mall.db, who);
    for (const id of couponIds) await giveCoupon(mall.db, who, id);
    await putInCart(mall.db, who, c.tea, `${p}-g-tea`, c.shopA, 2);
    const items = [{ skuId: c.tea, quantity: 2 }, { skuId: c.cup, quantity: 1 }];
    const q = await mall.as(who).ok('order', 'quote', { items, couponIds });
    const ctx = { openid: who, source: 'wx_client', now: Date.now(), functionName: 'order', action: 'create' };
    const plan = await planCheckout({ requestId: randomUUID(), items, addressId: `addr-${who}`, couponIds, expectedPayFen: q.payFen, fromCart: true }, ctx);
    return { c, plan };
  }

  async function expectNothingLeft(who: string, c: { tea: string; cup: string }, p: string) {
    expect(await stockOf(mall.db, c.tea)).toBe(50);
    expect(await stockOf(mall.db, c.cup)).toBe(10);
    expect(await read(mall.db, 'goods', `${p}-g-tea`)).toMatchObject({ stock: 50, sales: 0 });
    expect(await count('payments', { openid: who })).toBe(0);
    expect(await count('orders', { openid: who })).toBe(0);
    expect(await count('carts', { openid: who })).toBe(1);
  }

  test('an injected failure after every step but the last puts back stock and coupon and removes payment and orders', async () => {
    const { c, plan } = await planFor('comp1', 'comp1-buyer', ['comp1-coupon']);
    const explode: SagaStep<CheckoutPlan> = {
      name: 'explode',
      run: async () => {
        expect(await stockOf(mall.db, c.tea)).toBe(48);
        expect(await count('orders', { openid: 'comp1-buyer' })).toBe(1);
        expect(await statusOf(mall.db, 'user_coupons', 'comp1-coupon')).toBe('locked');
        throw new Error('boom');
      },
    };
    await expect(runSaga('test', [...CREATE_ORDER_STEPS.slice(0, -1), explode], plan)).rejects.toThrow('boom');
    await expectNothingLeft('comp1-buyer', c, 'comp1');
    expect(await read(mall.db, 'user_coupons', 'comp1-coupon')).toMatchObject({ status: 'unused', lockedBy: null });
  });

  test('a coupon locked by another checkout after pricing: lock-coupons fails and the stock goes back', async () => {
    const { c, plan } = await planFor('comp2', 'comp2-buyer', ['comp2-coupon']);
    await mall.db.collection('user_coupons').doc('comp2-coupon').update({ data: { status: 'locked', lockedBy: 'another-payment' } });
    await expect(runSaga('test', CREATE_ORDER_STEPS, plan)).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED' });
    await expectNothingLeft('comp2-buyer', c, 'comp2');
    expect(await read(mall.db, 'user_coupons', 'comp2-coupon')).toMatchObject({ status: 'locked', lockedBy: 'another-payment' });
  });

  test('the second line sold out after pricing: the first line gets its stock back', async () => {
    const { c, plan } = await planFor('comp3', 'comp3-buyer');
    await mall.db.collection('skus').doc(c.cup).update({ data: { stock: 0 } });
    await expect(runSaga('test', CREATE_ORDER_STEPS, plan)).rejects.toMatchObject({ code: 'OUT_OF_STOCK' });
    await mall.db.collection('skus').doc(c.cup).update({ data: { stock: 10 } });
    await expectNothingLeft('comp3-buyer', c, 'comp3');
  });
});

test('releases of one cancelled order racing each other put its stock back once', async () => {
  const c = await seedCatalog(mall.db, 'rel');
  await seedAddress(mall.db, 'rel-buyer');
  const { created } = await checkout(mall, 'rel-buyer', [{ skuId: c.tea, quantity: 5 }]);
  expect(await stockOf(mall.db, c.tea)).toBe(45);
  // what a crash between cancelling and releasing leaves: the shopper's cancel, the timer's recovery pass and a retry may all try
  await mall.db.collection('orders').doc(created.orderIds[0]).update({ data: { status: 'cancelled' } });
  const order = await read(mall.db, 'orders', created.orderIds[0]);
  const released = await Promise.all(Array.from({ length: 4 }, () => releaseOrderStock(order, Date.now())));
  expect(released.filter(Boolean)).toHaveLength(1);
  expect(await stockOf(mall.db, c.tea)).toBe(50);
  expect(await read(mall.db, 'goods', 'rel-g-tea')).toMatchObject({ stock: 50, sales: 0 });
});
