/**
 * Acceptance: what a hostile client can send changes nothing. Prices and totals come from the
 * server, quantities are validated, coupons and orders are the caller's own, and the
 * platform-only actions (timers, the payment notification) refuse client calls.
 */
import { PLATFORM_ONLY_ACTIONS } from '../../miniprogram/contracts';
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, giveCoupon, seedAddress, seedCatalog, statusOf, stockOf } from './checkout-fixtures';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  c = await seedCatalog(mall.db, 's');
  for (const who of ['victim', 'mallory']) await seedAddress(mall.db, who);
  await giveCoupon(mall.db, 'victim', 's-victim-coupon');
  await giveCoupon(mall.db, 'mallory', 's-mallory-coupon');
});
afterAll(() => mall.stop());

const paymentsOf = async (openid: string): Promise<number> => (await mall.db.collection('payments').where({ openid }).count()).total;

/** A valid create request for mallory (tea ×1: 30 yuan + 8 shipping). */
const valid = (over: Record<string, unknown> = {}) => ({ action: 'create', requestId: `req-${Math.random().toString(36).slice(2, 12)}`, items: [{ skuId: c.tea, quantity: 1 }], addressId: 'addr-mallory', couponIds: [], expectedPayFen: 3800, ...over });

async function expectNothingChanged(): Promise<void> {
  expect(await stockOf(mall.db, c.tea)).toBe(50);
  expect(await paymentsOf('mallory')).toBe(0);
  expect(await statusOf(mall.db, 'user_coupons', 's-victim-coupon')).toBe('unused');
  expect(await statusOf(mall.db, 'user_coupons', 's-mallory-coupon')).toBe('unused');
}

describe('tampered checkout requests change nothing', () => {
  test('client-sent prices, totals or identities are refused', async () => {
    for (const bad of [
      valid({ items: [{ skuId: c.tea, quantity: 1, priceFen: 1 }] }),
      valid({ totalFen: 1 }),
      valid({ payFen: 1 }),
      valid({ openid: 'victim' }),
      valid({ discountFen: 3000 }),
    ]) {
      expect(await mall.raw('mallory', 'order', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await mall.raw('mallory', 'order', { action: 'quote', items: [{ skuId: c.tea, quantity: 1, unitPriceFen: 1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expectNothingChanged();
  });

  test('a total other than the server price fails with PRICE_CHANGED', async () => {
    for (const expectedPayFen of [1, 3799, 3801, 0]) {
      const r = await mall.raw('mallory', 'order', valid({ expectedPayFen }));
      expect(r).toMatchObject({ ok: false, error: { code: 'PRICE_CHANGED', details: { payFen: 3800 } } });
    }
    await expectNothingChanged();
  });

  test('quantities must be whole numbers from 1 to 999', async () => {
    for (const quantity of [0, -1, 1.5, 1000, 1e12, '1', null, Number.MAX_SAFE_INTEGER]) {
      for (const action of ['create', 'quote']) {
        const r = await mall.raw('mallory', 'order', valid({ action, items: [{ skuId: c.tea, quantity }], ...(action === 'quote' ? { requestId: undefined, addressId: undefined, expectedPayFen: undefined } : {}) }));
        expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      }
    }
    expect(await mall.raw('mallory', 'order', valid({ items: [] }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await mall.raw('mallory', 'order', valid({ items: [{ skuId: c.tea, quantity: 1 }, { skuId: c.tea, quantity: 1 }] }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expectNothingChanged();
  });

  test("another shopper's coupon or address is refused", async () => {
    // 满100减20 on a 120-yuan cup: worth 20 yuan, if it were hers
    const r = await mall.raw('mallory', 'order', valid({ items: [{ skuId: c.cup, quantity: 1 }], couponIds: ['s-victim-coupon'], expectedPayFen: 10000 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.raw('mallory', 'order', { action: 'quote', items: [{ skuId: c.cup, quantity: 1 }], couponIds: ['s-victim-coupon'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.raw('mallory', 'order', valid({ addressId: 'addr-victim' }))).toMatchObject({ ok: false, error: { code: 'ADDRESS_REQUIRED' } });
    expect(await stockOf(mall.db, c.cup)).toBe(10);
    await expectNothingChanged();
  });
});

describe("a shopper cannot read or change another shopper's orders", () => {
  test('detail, cancel, confirm, pay and status answer NOT_FOUND and change nothing', async () => {
    const { created } = await checkout(mall, 'victim', [{ skuId: c.pen, quantity: 1 }]);
    const orderId = created.orderIds[0];
    for (const action of ['detail', 'cancel', 'confirmReceipt'] as const) {
      expect(await mall.as('mallory').call('order', action, { orderId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const action of ['pay', 'status'] as const) {
      expect(await mall.as('mallory').call('payment', action, { paymentId: created.paymentId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await mall.as('mallory').ok('order', 'list', { status: 'all' })).items).toHaveLength(0);
    expect(await read(mall.db, 'orders', orderId)).toMatchObject({ status: 'pending_payment', openid: 'victim' });
    expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('created');
    expect(await stockOf(mall.db, c.pen)).toBe(99);
  });
});

describe('platform-only actions refuse client calls', () => {
  test('timers, refunds and the payment notification answer FORBIDDEN to a client and change nothing', async () => {
    const { created } = await checkout(mall, 'victim', [{ skuId: c.ink, quantity: 2 }]);
    const past = new Date('2026-01-01T00:00:00Z');
    // an unpaid checkout past its deadline, which the timer would cancel
    await mall.db.collection('payments').doc(created.paymentId).update({ data: { payDeadline: past } });
    const clientCalls = [
      ...PLATFORM_ONLY_ACTIONS.order.map((action) => ['order', action] as const),
      ...PLATFORM_ONLY_ACTIONS.payment.map((action) => ['payment', action] as const),
    ];
    expect(clientCalls).toHaveLength(5);
    const forgedNotice = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: created.paymentId, totalFee: created.payFen, cashFee: created.payFen, transactionId: '4200000000000000000000000001' };
    for (const [fn, action] of clientCalls) {
      expect(await mall.raw('mallory', fn, { action, ...forgedNotice })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // a notification without an action, or a forged timer event, is no better
    expect(await mall.raw('mallory', 'payment', forgedNotice)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await mall.raw('mallory', 'order', { Type: 'Timer', TriggerName: 'sweep' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await statusOf(mall.db, 'payments', created.paymentId)).toBe('created');
    expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('pending_payment');
    expect(await stockOf(mall.db, c.ink)).toBe(98);

    // the same timer from the platform does cancel it, so the client calls above were truly refused
    await mall.fireTimer('order', 'sweep');
    expect(await statusOf(mall.db, 'orders', created.orderIds[0])).toBe('cancelled');
    expect(await stockOf(mall.db, c.ink)).toBe(100);
  });
});
