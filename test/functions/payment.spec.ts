/**
 * The payment function on the emulator's WeChat Pay: placing the pay order, notifications
 * (duplicates, replays, a wrong amount), lost notifications settled by a query, and refunds
 * driven on by the refund timer after a crash.
 */
import type { RefundDoc } from '../../server/model';
import { validateDocument } from '../../server/validation';
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, eventually, giveCoupon, payFor, seedAddress, seedCatalog, statusOf, stockOf, wxRefunds } from './checkout-fixtures';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
beforeAll(async () => {
  mall = await startMall();
  c = await seedCatalog(mall.db, 'p');
  for (const who of ['pam', 'pat', 'pia', 'pol', 'pru', 'ray']) await seedAddress(mall.db, who);
});
afterAll(() => mall.stop());

const control = (path: string) => fetch(`${mall.emu.url}${path}`).then((r) => r.json() as Promise<any>);

test('pay places the WeChat Pay order for the owner of an unpaid payment, before its deadline', async () => {
  const { created } = await checkout(mall, 'pam', [{ skuId: c.tea, quantity: 1 }, { skuId: c.pen, quantity: 1 }]);
  const first = await mall.as('pam').ok('payment', 'pay', { paymentId: created.paymentId });
  expect(first.params).toEqual({ timeStamp: expect.stringMatching(/^\d+$/), nonceStr: expect.any(String), package: expect.stringMatching(/^prepay_id=/), signType: 'MD5', paySign: expect.any(String) });
  expect(first.payment).toMatchObject({ id: created.paymentId, status: 'created', totalFen: created.payFen, orderIds: created.orderIds });
  const again = await mall.as('pam').ok('payment', 'pay', { paymentId: created.paymentId });
  expect(again.params.package).toBe(first.params.package);

  const { orders } = await control(`/_emulator/pay/orders?outTradeNo=${created.paymentId}`);
  expect(orders).toEqual([expect.objectContaining({ totalFee: created.payFen, functionName: 'payment', subMchId: '1900000109', state: 'NOTPAY', payerOpenid: 'pam' })]);
  expect(orders[0].timeExpire).toMatch(/^\d{14}$/);
  expect(orders[0].body).toMatch(/^p茶铺-龙井茶等$/);

  expect(await mall.as('pat').call('payment', 'pay', { paymentId: created.paymentId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as('pat').call('payment', 'status', { paymentId: created.paymentId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  await mall.db.collection('payments').doc(created.paymentId).update({ data: { payDeadline: new Date('2026-01-01T00:00:00Z') } });
  expect(await mall.as('pam').call('payment', 'pay', { paymentId: created.paymentId })).toMatchObject({ ok: false, error: { code: 'PAYMENT_STATE_INVALID' } });
});

test('duplicate notifications, even concurrent ones, settle the payment once', async () => {
  await giveCoupon(mall.db, 'pat', 'p-coupon');
  const { created } = await checkout(mall, 'pat', [{ skuId: c.cup, quantity: 1 }], { couponIds: ['p-coupon'] });
  const paid = await payFor(mall, 'pat', created.paymentId, { duplicates: 4, parallel: true });
  expect(paid.notification).toMatchObject({ state: 'delivered', duplicatesSent: 4 });
  expect(paid.deliveries).toHaveLength(5);
  for (const d of paid.deliveries) expect(d.result).toEqual({ errcode: 0, errmsg: 'OK' });
  expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('paid');
  const order = await read(mall.db, 'orders', created.orderIds[0]);
  expect(order.status).toBe('paid');
  expect(order.history.filter((h: { event: string }) => h.event === 'pay')).toHaveLength(1);
  expect(await statusOf(mall.db, 'user_coupons', 'p-coupon')).toBe('used');
  expect((await read(mall.db, 'coupon_templates', 'tpl-p-coupon')).usedCount).toBe(1);
});

test('a replayed notification never moves a shipped order back to paid', async () => {
  const { created } = await checkout(mall, 'pia', [{ skuId: c.pen, quantity: 1 }]);
  await payFor(mall, 'pia', created.paymentId);
  const orderId = created.orderIds[0];
  await mall.db.collection('orders').doc(orderId).update({ data: { status: 'shipped', shippedAt: new Date() } });
  const { notifications } = await control(`/_emulator/pay/deliveries?outTradeNo=${created.paymentId}&kind=payment`);
  // an operator replays the stored notification by hand (SOURCE scf): an acknowledged no-op
  const replay = await mall.cloud.callFunction({ name: 'payment', data: { action: 'callback', ...notifications[0].event } });
  expect(replay.result).toEqual({ ok: true, data: { errcode: 0, errmsg: 'OK' } });
  expect(await statusOf(mall.db, 'orders', orderId)).toBe('shipped');
  expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('paid');
});

test('a failed payment result or an unknown outTradeNo is acknowledged and changes nothing', async () => {
  const { created } = await checkout(mall, 'pia', [{ skuId: c.pen, quantity: 2 }]);
  const notice = { returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: created.paymentId, totalFee: created.payFen, transactionId: '4200000000000000000000000002' };
  const failed = await mall.cloud.callFunction({ name: 'payment', data: { action: 'callback', ...notice } });
  expect(failed.result).toEqual({ ok: true, data: { errcode: 0, errmsg: 'OK' } });
  const unknown = await mall.cloud.callFunction({ name: 'payment', data: { action: 'callback', ...notice, resultCode: 'SUCCESS', outTradeNo: 'NO-SUCH-PAYMENT' } });
  expect(unknown.result).toEqual({ ok: true, data: { errcode: 0, errmsg: 'OK' } });
  expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('created');
  expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('pending_payment');
});

test('a notification whose amount differs from the payment marks nothing paid and is not acknowledged', async () => {
  const { created } = await checkout(mall, 'pol', [{ skuId: c.tea, quantity: 1 }]);
  await mall.as('pol').ok('payment', 'pay', { paymentId: created.paymentId });
  // WeChat holds an order for created.payFen; make our record disagree with it
  await mall.db.collection('payments').doc(created.paymentId).update({ data: { totalFen: created.payFen + 1 } });
  const paid = await mall.pay(created.paymentId);
  expect(paid.notification.state).toBe('exhausted');
  for (const d of paid.deliveries) expect(d.result).toEqual({ errcode: 1, errmsg: 'AMOUNT_MISMATCH' });
  expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('created');
  expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('pending_payment');
  // asking WeChat does not settle it either
  expect(await mall.as('pol').ok('payment', 'status', { paymentId: created.paymentId })).toMatchObject({ status: 'created' });
}, 30_000);

test('status settles a payment whose notification is late, so the shopper is not left waiting', async () => {
  const { created } = await checkout(mall, 'pru', [{ skuId: c.ink, quantity: 4 }]);
  await mall.as('pru').ok('payment', 'pay', { paymentId: created.paymentId });
  await mall.emu.control('/_emulator/pay/simulate', { outTradeNo: created.paymentId, delayMs: 60_000 });
  expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('created');
  const view = await mall.as('pru').ok('payment', 'status', { paymentId: created.paymentId });
  expect(view).toMatchObject({ status: 'paid', paidAt: expect.any(Number) });
  expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('paid');
});

describe('recovery after a crash', () => {
  function refundDoc(over: Partial<RefundDoc> & Pick<RefundDoc, '_id' | 'paymentId' | 'totalFen' | 'amountFen'>): RefundDoc {
    const at = new Date('2026-01-01T00:00:00Z');
    const doc: RefundDoc = { openid: 'ray', reason: 'cancel_paid', status: 'pending', attempts: 0, createdAt: at, updatedAt: at, ...over };
    validateDocument('refunds', doc as unknown as Record<string, unknown>);
    return doc;
  }

  test('a paid cancel that crashed after its transaction is finished by the timers, once', async () => {
    const { created } = await checkout(mall, 'ray', [{ skuId: c.cup, quantity: 2 }, { skuId: c.pen, quantity: 3 }]);
    await payFor(mall, 'ray', created.paymentId);
    const [orderA] = created.orderIds;
    const order = await read(mall.db, 'orders', orderA);
    const cupStock = await stockOf(mall.db, c.cup);
    // what cancelPaidOrder's transaction leaves behind: the order closed, its refund recorded, nothing else
    await mall.db.collection('orders').doc(orderA).update({ data: { status: 'closed', refundId: `R${orderA}`, cancelledAt: new Date() } });
    const { _id, ...refund } = refundDoc({ _id: `R${orderA}`, orderId: orderA, paymentId: created.paymentId, totalFen: created.payFen, amountFen: order.payFen });
    await mall.db.collection('refunds').doc(_id).set({ data: refund });

    await mall.fireTimer('payment', 'retryRefunds');
    expect(await wxRefunds(mall, created.paymentId)).toEqual([expect.objectContaining({ outRefundNo: `R${orderA}`, refundFee: order.payFen })]);
    await eventually(() => statusOf(mall.db, 'refunds', `R${orderA}`), (s) => s === 'succeeded');

    await mall.fireTimer('order', 'sweep');
    expect(await stockOf(mall.db, c.cup)).toBe(cupStock + 2);
    await mall.fireTimer('order', 'sweep');
    await mall.fireTimer('payment', 'retryRefunds');
    expect(await stockOf(mall.db, c.cup)).toBe(cupStock + 2);
    expect(await wxRefunds(mall, created.paymentId)).toHaveLength(1);
  });

  test('a refund WeChat never received is submitted again by the refund timer', async () => {
    const { created } = await checkout(mall, 'ray', [{ skuId: c.tea, quantity: 1 }]);
    await payFor(mall, 'ray', created.paymentId);
    const { _id, ...refund } = refundDoc({ _id: `X${created.paymentId}`, paymentId: created.paymentId, totalFen: created.payFen, amountFen: created.payFen, reason: 'after_sale', status: 'failed', attempts: 1, lastError: 'SYSTEMERROR' });
    await mall.db.collection('refunds').doc(_id).set({ data: refund });
    await mall.fireTimer('payment', 'retryRefunds');
    expect(await wxRefunds(mall, created.paymentId)).toEqual([expect.objectContaining({ outRefundNo: _id, refundFee: created.payFen })]);
    expect(await eventually(() => statusOf(mall.db, 'refunds', _id), (s) => s === 'succeeded')).toBe('succeeded');
  });
});
