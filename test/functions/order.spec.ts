/**
 * The order life cycle end to end on the emulator: quote, create (two shops, one payment), pay,
 * list/detail/counts, confirm, cancel (unpaid group, paid order with refund), timeouts and
 * auto-confirm through the timer, a payment arriving after cancel. The clock only moves forward,
 * so the tests that advance it come last.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, eventually, giveCoupon, payFor, putInCart, seedAddress, seedCatalog, statusOf, stockOf, wxRefunds } from './checkout-fixtures';

let mall: Mall;
beforeAll(async () => {
  mall = await startMall();
});
afterAll(() => mall.stop());

const emulatedNow = async (): Promise<number> => ((await (await fetch(`${mall.emu.url}/_emulator/clock`)).json()) as { now: number }).now;
const DAY = 24 * 3600_000;

/** Alice's paid order of shop B, shipped and auto-confirmed by the last test. */
let aliceOrderB: string;

describe('checkout across two shops', () => {
  const who = 'alice';
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let paymentId: string;
  let orderA: string;
  let orderB: string;
  const items = () => [
    { skuId: c.tea, quantity: 2 },
    { skuId: c.cup, quantity: 1 },
    { skuId: c.pen, quantity: 2 },
  ];

  beforeAll(async () => {
    c = await seedCatalog(mall.db, 'o1');
    await seedAddress(mall.db, who);
    await giveCoupon(mall.db, who, 'o1-platform');
    await giveCoupon(mall.db, who, 'o1-shopB', { title: '文具满50减10', issuer: { type: 'shop', shopId: c.shopB }, kind: 'threshold', amountFen: 1000, thresholdFen: 5000, scope: { type: 'all' } });
  });

  test('quote prices from the database, ships per shop and suggests the best coupons', async () => {
    const q = await mall.as(who).ok('order', 'quote', { items: items() });
    expect(q.orders.map((o) => [o.shopId, o.goodsFen, o.shippingFen])).toEqual([
      [c.shopA, 18000, 0], // 180 yuan reaches shop A's free-shipping threshold of 99
      [c.shopB, 3000, 600],
    ]);
    expect(q).toMatchObject({ goodsFen: 21000, shippingFen: 600, discountFen: 2000, payFen: 19600, appliedCouponIds: ['o1-platform'] });
    expect(q.orders.reduce((s, o) => s + o.payFen, 0)).toBe(q.payFen);
    for (const o of q.orders) expect(o.lines.reduce((s, l) => s + l.payFen, 0) + o.shippingFen).toBe(o.payFen);
    expect(q.address).toMatchObject({ id: `addr-${who}`, isDefault: true });
    const options = Object.fromEntries(q.couponOptions.map((o) => [o.coupon.id, o]));
    expect(options['o1-platform']).toMatchObject({ usable: true, discountFen: 2000 });
    expect(options['o1-shopB']).toMatchObject({ usable: false, reason: '还差¥20.00可用' });
    expect(q.orders[0].lines[0]).toMatchObject({ skuId: c.tea, title: '龙井茶', unitPriceFen: 3000, quantity: 2, goodsFen: 6000 });

    const without = await mall.as(who).ok('order', 'quote', { items: items(), couponIds: [] });
    expect(without).toMatchObject({ discountFen: 0, payFen: 21600, appliedCouponIds: [] });
  });

  test('create makes one order per shop under one payment, takes stock, locks the coupon and empties the cart', async () => {
    for (const [sku, goods, shopId, n] of [[c.tea, 'o1-g-tea', c.shopA, 2], [c.cup, 'o1-g-cup', c.shopA, 1], [c.pen, 'o1-g-pen', c.shopB, 2], [c.ink, 'o1-g-ink', c.shopB, 3]] as const) await putInCart(mall.db, who, sku, goods, shopId, n);
    const { created } = await checkout(mall, who, items(), { couponIds: ['o1-platform'], fromCart: true });
    paymentId = created.paymentId;
    [orderA, orderB] = created.orderIds;
    aliceOrderB = orderB;
    expect(created).toMatchObject({ payFen: 19600 });
    expect(created.orderIds).toHaveLength(2);
    expect(await stockOf(mall.db, c.tea)).toBe(48);
    expect(await stockOf(mall.db, c.cup)).toBe(9);
    expect(await stockOf(mall.db, c.pen)).toBe(98);
    expect(await read(mall.db, 'goods', 'o1-g-tea')).toMatchObject({ stock: 48, sales: 2 });
    expect((await read(mall.db, 'skus', c.tea)).sales).toBe(2);
    expect(await read(mall.db, 'user_coupons', 'o1-platform')).toMatchObject({ status: 'locked', lockedBy: paymentId });
    const cart = (await mall.db.collection('carts').where({ openid: who }).get()).data;
    expect(cart.map((l: { skuId: string }) => l.skuId)).toEqual([c.ink]);
    expect(await read(mall.db, 'payments', paymentId)).toMatchObject({ status: 'created', totalFen: 19600, orderIds: created.orderIds, couponIds: ['o1-platform'] });
    const a = await mall.as(who).ok('order', 'detail', { orderId: orderA });
    expect(a).toMatchObject({ status: 'pending_payment', shopId: c.shopA, paymentId, actions: ['pay', 'cancel'], address: { name: '张三' } });
    expect(a.payFen + (await mall.as(who).ok('order', 'detail', { orderId: orderB })).payFen).toBe(19600);
    expect(await mall.as(who).ok('order', 'counts', {})).toEqual({ pending_payment: 2, paid: 0, shipped: 0 });
  });

  test('paying settles the payment, both orders and the coupon in one go', async () => {
    const paid = await payFor(mall, who, paymentId);
    expect(paid.notification.state).toBe('delivered');
    expect(paid.deliveries[0].result).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await read(mall.db, 'payments', paymentId)).toMatchObject({ status: 'paid', transactionId: paid.transactionId, cashFen: 19600 });
    expect(await statusOf(mall.db, 'orders', orderA)).toBe('paid');
    expect(await statusOf(mall.db, 'orders', orderB)).toBe('paid');
    expect(await read(mall.db, 'user_coupons', 'o1-platform')).toMatchObject({ status: 'used', lockedBy: paymentId });
    expect((await read(mall.db, 'coupon_templates', 'tpl-o1-platform')).usedCount).toBe(1);

    const detail = await mall.as(who).ok('order', 'detail', { orderId: orderA });
    expect(detail).toMatchObject({ status: 'paid', actions: ['cancel'] });
    expect(detail.paidAt).toEqual(expect.any(Number));
    expect(detail.history.map((h) => h.event)).toEqual(['create', 'pay']);
    expect(await mall.as(who).ok('payment', 'status', { paymentId })).toMatchObject({ status: 'paid', totalFen: 19600 });
    const listed = await mall.as(who).ok('order', 'list', { status: 'paid' });
    expect(listed.items.map((o) => o.id).sort()).toEqual([orderA, orderB].sort());
    expect(listed.nextCursor).toBeNull();
    expect((await mall.as(who).ok('order', 'list', { status: 'pending_payment' })).items).toHaveLength(0);
    expect(await mall.as(who).ok('order', 'counts', {})).toEqual({ pending_payment: 0, paid: 2, shipped: 0 });
  });

  test('confirming receipt completes a shipped order, once', async () => {
    const now = await emulatedNow();
    await mall.db.collection('orders').doc(orderA).update({ data: { status: 'shipped', shippedAt: new Date(now), autoConfirmAt: new Date(now + 10 * DAY) } });
    expect(await mall.as(who).ok('order', 'counts', {})).toEqual({ pending_payment: 0, paid: 1, shipped: 1 });
    expect((await mall.as(who).ok('order', 'detail', { orderId: orderA })).actions).toEqual(['confirm']);
    const done = await mall.as(who).ok('order', 'confirmReceipt', { orderId: orderA });
    expect(done).toMatchObject({ status: 'completed', actions: [] });
    expect(done.completedAt).toEqual(expect.any(Number));
    expect(await mall.as(who).call('order', 'confirmReceipt', { orderId: orderA })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    expect(await mall.as(who).call('order', 'cancel', { orderId: orderA })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    expect((await mall.as(who).ok('order', 'list', { status: 'completed' })).items.map((o) => o.id)).toEqual([orderA]);
  });

  test('list pages through all orders, newest first', async () => {
    const first = await mall.as(who).ok('order', 'list', { status: 'all', pageSize: 1 });
    expect(first.items).toHaveLength(1);
    const second = await mall.as(who).ok('order', 'list', { status: 'all', pageSize: 1, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((o) => o.id).sort()).toEqual([orderA, orderB].sort());
  });
});

describe('cancelling', () => {
  test('cancelling an unpaid order cancels its whole checkout and gives back stock and coupon', async () => {
    const c = await seedCatalog(mall.db, 'o2');
    await seedAddress(mall.db, 'bob');
    await giveCoupon(mall.db, 'bob', 'o2-platform');
    const { created } = await checkout(mall, 'bob', [{ skuId: c.cup, quantity: 1 }, { skuId: c.pen, quantity: 1 }], { couponIds: ['o2-platform'] });
    expect(await stockOf(mall.db, c.cup)).toBe(9);

    const cancelled = await mall.as('bob').ok('order', 'cancel', { orderId: created.orderIds[1], reason: '不想要了' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '不想要了', actions: [] });
    for (const id of created.orderIds) expect(await read(mall.db, 'orders', id)).toMatchObject({ status: 'cancelled', stockReleasedAt: expect.any(Date) });
    expect(await read(mall.db, 'payments', created.paymentId)).toMatchObject({ status: 'closed', closedAt: expect.any(Date) });
    expect(await stockOf(mall.db, c.cup)).toBe(10);
    expect(await stockOf(mall.db, c.pen)).toBe(100);
    expect(await read(mall.db, 'goods', 'o2-g-cup')).toMatchObject({ stock: 10, sales: 0 });
    expect(await read(mall.db, 'user_coupons', 'o2-platform')).toMatchObject({ status: 'unused', lockedBy: null });

    expect(await mall.as('bob').call('order', 'cancel', { orderId: created.orderIds[0] })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    expect(await mall.as('bob').call('payment', 'pay', { paymentId: created.paymentId })).toMatchObject({ ok: false, error: { code: 'PAYMENT_STATE_INVALID' } });
    expect(await stockOf(mall.db, c.cup)).toBe(10);
    expect((await mall.as('bob').ok('order', 'list', { status: 'cancelled' })).items).toHaveLength(2);
  });

  test('cancelling a paid order refunds what it paid; a shared coupon comes back when all its orders are closed', async () => {
    const c = await seedCatalog(mall.db, 'o3');
    await seedAddress(mall.db, 'carol');
    await giveCoupon(mall.db, 'carol', 'o3-platform');
    const { created } = await checkout(mall, 'carol', [{ skuId: c.cup, quantity: 1 }, { skuId: c.pen, quantity: 2 }], { couponIds: ['o3-platform'] });
    await payFor(mall, 'carol', created.paymentId);
    const [a, b] = created.orderIds;
    const orderB = await read(mall.db, 'orders', b);

    const closedB = await mall.as('carol').ok('order', 'cancel', { orderId: b });
    expect(closedB).toMatchObject({ status: 'closed', refund: { amountFen: orderB.payFen } });
    expect(await stockOf(mall.db, c.pen)).toBe(100);
    expect(await stockOf(mall.db, c.cup)).toBe(9); // order A goes on
    expect(await statusOf(mall.db, 'user_coupons', 'o3-platform')).toBe('used'); // still used by order A
    expect(await read(mall.db, 'refunds', `R${b}`)).toMatchObject({ reason: 'cancel_paid', amountFen: orderB.payFen, totalFen: created.payFen, orderId: b });
    const refunds = await wxRefunds(mall, created.paymentId);
    expect(refunds).toEqual([expect.objectContaining({ outRefundNo: `R${b}`, refundFee: orderB.payFen, totalFee: created.payFen })]);
    await eventually(() => statusOf(mall.db, 'refunds', `R${b}`), (s) => s === 'succeeded');
    expect((await mall.as('carol').ok('order', 'detail', { orderId: b })).refund).toEqual({ status: 'succeeded', amountFen: orderB.payFen });
    expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('paid');

    await mall.as('carol').ok('order', 'cancel', { orderId: a });
    expect(await stockOf(mall.db, c.cup)).toBe(10);
    expect(await read(mall.db, 'user_coupons', 'o3-platform')).toMatchObject({ status: 'unused', lockedBy: null });
    expect((await read(mall.db, 'coupon_templates', 'tpl-o3-platform')).usedCount).toBe(0);
    const all = await wxRefunds(mall, created.paymentId);
    expect(all.reduce((s, r) => s + r.refundFee, 0)).toBe(created.payFen);
    expect(await mall.as('carol').call('order', 'cancel', { orderId: a })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
  });

  test('money arriving after the shopper cancelled is refunded in full automatically', async () => {
    const c = await seedCatalog(mall.db, 'o4');
    await seedAddress(mall.db, 'gina');
    const { created } = await checkout(mall, 'gina', [{ skuId: c.tea, quantity: 1 }]);
    await mall.as('gina').ok('payment', 'pay', { paymentId: created.paymentId });
    await mall.as('gina').ok('order', 'cancel', { orderId: created.orderIds[0] });
    expect(await stockOf(mall.db, c.tea)).toBe(50);

    // WeChat refuses to close an order in its first five minutes, so the shopper can still pay it
    const paid = await mall.pay(created.paymentId);
    expect(paid.deliveries[0].result).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await read(mall.db, 'refunds', `L${created.paymentId}`)).toMatchObject({ reason: 'late_payment', amountFen: created.payFen, totalFen: created.payFen });
    expect(await eventually(() => statusOf(mall.db, 'payments', created.paymentId), (s) => s === 'refunded')).toBe('refunded');
    expect(await wxRefunds(mall, created.paymentId)).toEqual([expect.objectContaining({ outRefundNo: `L${created.paymentId}`, refundFee: created.payFen, status: 'SUCCESS' })]);
    expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('cancelled');
    expect(await stockOf(mall.db, c.tea)).toBe(50);
  });
});

describe('timers (move the clock)', () => {
  test('the minute timer cancels unpaid checkouts after 30 minutes, unless WeChat says they were paid', async () => {
    const c = await seedCatalog(mall.db, 'o5');
    for (const who of ['dave', 'erin', 'frank']) await seedAddress(mall.db, who);
    // dave's coupon runs out while his order waits: it comes back expired, not unused
    await giveCoupon(mall.db, 'dave', 'o5-platform', undefined, { validTo: new Date((await emulatedNow()) + 10 * 60_000) });
    const dave = await checkout(mall, 'dave', [{ skuId: c.cup, quantity: 1 }], { couponIds: ['o5-platform'] });
    const erin = await checkout(mall, 'erin', [{ skuId: c.cup, quantity: 2 }]);
    await mall.as('erin').ok('payment', 'pay', { paymentId: erin.created.paymentId }); // opened the pay sheet, never paid
    const frank = await checkout(mall, 'frank', [{ skuId: c.cup, quantity: 3 }]);
    await mall.as('frank').ok('payment', 'pay', { paymentId: frank.created.paymentId });
    // frank pays, but WeChat's notification is late (60 s): only a query can tell
    await mall.emu.control('/_emulator/pay/simulate', { outTradeNo: frank.created.paymentId, delayMs: 60_000 });
    expect(await stockOf(mall.db, c.cup)).toBe(4);

    const fired = await mall.advance(31 * 60_000);
    expect(fired.fired).toContainEqual(expect.objectContaining({ function: 'order', trigger: 'sweep', ok: true }));
    expect(await statusOf(mall.db, 'payments', dave.created.paymentId)).toBe('closed');
    expect(await read(mall.db, 'orders', dave.created.orderIds[0])).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('超时') });
    expect(await read(mall.db, 'user_coupons', 'o5-platform')).toMatchObject({ status: 'expired', lockedBy: null });
    expect(await statusOf(mall.db, 'orders', erin.created.orderIds[0])).toBe('cancelled');
    expect(await statusOf(mall.db, 'orders', frank.created.orderIds[0])).toBe('paid');
    expect(await stockOf(mall.db, c.cup)).toBe(7); // dave's 1 and erin's 2 back, frank's 3 sold

    // erin's WeChat order was closed: she cannot pay it any more
    await expect(mall.pay(erin.created.paymentId)).rejects.toThrow(/ORDERCLOSED|ORDER_EXPIRED/);
    // running the timer again changes nothing
    await mall.fireTimer('order', 'sweep');
    expect(await stockOf(mall.db, c.cup)).toBe(7);
    expect((await mall.as('dave').ok('order', 'detail', { orderId: dave.created.orderIds[0] })).history.map((h) => h.event)).toEqual(['create', 'timeout']);
  });

  test('shipped orders are confirmed automatically after 10 days', async () => {
    const now = await emulatedNow();
    await mall.db.collection('orders').doc(aliceOrderB).update({ data: { status: 'shipped', shippedAt: new Date(now), autoConfirmAt: new Date(now + 10 * DAY) } });
    await mall.advance(9 * DAY);
    expect(await statusOf(mall.db, 'orders', aliceOrderB)).toBe('shipped');
    await mall.advance(DAY + 60_000);
    expect(await read(mall.db, 'orders', aliceOrderB)).toMatchObject({ status: 'completed', completedAt: expect.any(Date) });
    expect((await mall.as('alice').ok('order', 'detail', { orderId: aliceOrderB })).history.map((h) => h.event)).toEqual(['create', 'pay', 'autoConfirm']);
  });
});
