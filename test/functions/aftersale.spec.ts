/**
 * The aftersale function against the emulator: per-line and partial refunds through
 * cloudPay.refund (the emulator settles them and notifies the payment function), caps that hold
 * under concurrent requests, return shipping, stock and coupons coming back, the order closing when
 * everything is refunded, and denial across shops and shoppers changing nothing.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, eventually, giveCoupon, payFor, seedAddress, seedCatalog, statusOf, stockOf, wxRefunds } from './checkout-fixtures';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
const OWNER = 'as-owner';
const OTHER = 'as-other-owner';

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  c = await seedCatalog(mall.db, 'as');
  const now = new Date();
  await mall.db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: OTHER, platformAdmin: false, shops: [{ shopId: c.shopB, role: 'owner' }], updatedAt: now } });
  for (const who of ['amy', 'bob', 'cat', 'dan', 'eve']) await seedAddress(mall.db, who);
}, 120_000);
afterAll(() => mall.stop());

/** A paid order of shop A (tea 30 yuan x3 and cup 120 yuan x1 unless told). */
async function paidOrder(openid: string, items = [{ skuId: c.tea, quantity: 3 }, { skuId: c.cup, quantity: 1 }], couponIds: string[] = []) {
  const { created } = await checkout(mall, openid, items, { couponIds });
  await payFor(mall, openid, created.paymentId);
  return { orderId: created.orderIds[0], paymentId: created.paymentId, payFen: created.payFen };
}

async function shipped(openid: string) {
  const o = await paidOrder(openid);
  await mall.as(OWNER).ok('shoporder', 'ship', { shopId: c.shopA, orderId: o.orderId, carrier: '顺丰速运', trackingNo: 'SF100200' });
  return o;
}

const refunded = (id: string) => eventually(() => statusOf(mall.db, 'after_sales', id), (s) => s === 'refunded');

test('a partial refund of one line goes through cloudPay for part of the payment and ends refunded', async () => {
  const o = await shipped('amy');
  const max = await mall.as('amy').ok('aftersale', 'maxRefundable', { orderId: o.orderId });
  expect(max.types).toEqual(['refund_only', 'return_refund']);
  expect(max.lines.map((l) => [l.maxQuantity, l.maxFen, l.busy])).toEqual([[3, 9000, false], [1, 12000, false]]);
  expect(max.shippingFen).toBe(0);

  expect(await mall.as('amy').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1, amountFen: 3001 }], reason: '质量问题' })).toMatchObject({ ok: false, error: { code: 'REFUND_AMOUNT_EXCEEDED', details: { maxFen: 3000 } } });
  const a = await mall.as('amy').ok('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1, amountFen: 1500 }], reason: '质量问题', description: '有破损', photos: ['cloud://env.abc/private/aftersale/amy/1.jpg'] });
  expect(a).toMatchObject({ status: 'requested', amountFen: 1500, actions: ['cancel'], lines: [{ lineIndex: 0, quantity: 1, amountFen: 1500, skuId: c.tea }] });
  expect((await mall.as('amy').ok('aftersale', 'maxRefundable', { orderId: o.orderId })).lines[0]).toMatchObject({ busy: true, maxQuantity: 2, maxFen: 7500 });

  // the shop sees it; approving issues the refund
  expect((await mall.as(OWNER).ok('aftersale', 'shopList', { shopId: c.shopA, status: 'requested' })).items.map((x) => x.id)).toContain(a.id);
  const approved = await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: a.id });
  expect(approved).toMatchObject({ status: 'refunding' });
  const refunds = await wxRefunds(mall, o.paymentId);
  expect(refunds).toEqual([expect.objectContaining({ outRefundNo: `A${a.id}`, refundFee: 1500, totalFee: o.payFen })]);
  expect(await refunded(a.id)).toBe('refunded');
  expect(await read(mall.db, 'refunds', `A${a.id}`)).toMatchObject({ reason: 'after_sale', orderId: o.orderId, amountFen: 1500, status: 'succeeded' });
  expect(await mall.as('amy').ok('aftersale', 'detail', { id: a.id })).toMatchObject({ status: 'refunded', refund: { status: 'succeeded' }, actions: [] });
  // WeChat repeats the refund result (an operator replays it here): nothing changes
  const { notifications } = await mall.emu.control<{ notifications: Array<{ event: Record<string, unknown> }> }>(`/_emulator/pay/deliveries?outRefundNo=A${a.id}&kind=refund`);
  const replay = await mall.cloud.callFunction({ name: 'payment', data: { action: 'callback', ...notifications[0].event } });
  expect(replay.result).toEqual({ ok: true, data: { errcode: 0, errmsg: 'OK' } });
  const after = await read(mall.db, 'after_sales', a.id);
  expect(after.history.filter((h: { event: string }) => h.event === 'refundDone')).toHaveLength(1);
  // partial: the order goes on; a shipped refund-only returns no stock
  expect(await statusOf(mall.db, 'orders', o.orderId)).toBe('shipped');
  expect((await mall.as(OWNER).ok('shoporder', 'detail', { shopId: c.shopA, orderId: o.orderId })).lineRefunds).toEqual([{ quantity: 1, amountFen: 1500 }, { quantity: 0, amountFen: 0 }]);
  // the rest of the line is still refundable, minus what was already refunded
  const rest = await mall.as('amy').ok('aftersale', 'maxRefundable', { orderId: o.orderId });
  expect(rest.lines[0]).toMatchObject({ busy: false, maxQuantity: 2, maxFen: 7500 });
  expect(await mall.as('amy').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 2, amountFen: 7501 }], reason: '质量问题' })).toMatchObject({ ok: false, error: { code: 'REFUND_AMOUNT_EXCEEDED' } });
});

test('concurrent requests on one line: one wins, the caps hold', async () => {
  const o = await shipped('bob');
  const tries = await Promise.all([1, 2, 3, 4].map(() => mall.as('bob').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 1, quantity: 1 }], reason: '不想要了' })));
  const won = tries.filter((t) => t.ok);
  expect(won).toHaveLength(1);
  for (const t of tries.filter((x) => !x.ok)) expect(t).toMatchObject({ error: { code: 'AFTER_SALE_LINE_BUSY' } });
  const order = await read(mall.db, 'orders', o.orderId);
  expect(order.afterSaleClaims).toHaveLength(1);
  expect((await mall.db.collection('after_sales').where({ orderId: o.orderId }).count()).total).toBe(1);
});

test('return and refund: approve, ship back, confirm receipt; stock returns once, the fully refunded order closes', async () => {
  const o = await shipped('cat');
  const teaStock = await stockOf(mall.db, c.tea);
  const cupStock = await stockOf(mall.db, c.cup);
  const a = await mall.as('cat').ok('aftersale', 'apply', { orderId: o.orderId, type: 'return_refund', lines: [{ lineIndex: 0, quantity: 3 }, { lineIndex: 1, quantity: 1 }], reason: '发错货' });
  expect(a.amountFen).toBe(21000);
  const approved = await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: a.id, note: '请寄回：杭州市西湖区1号' });
  expect(approved).toMatchObject({ status: 'awaiting_return', shopNote: '请寄回：杭州市西湖区1号' });
  expect(await mall.as(OWNER).call('aftersale', 'confirmReturn', { shopId: c.shopA, id: a.id })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_STATE_INVALID' } });
  const sent = await mall.as('cat').ok('aftersale', 'submitReturn', { id: a.id, carrier: '中通快递', trackingNo: 'ZT7788' });
  expect(sent).toMatchObject({ status: 'returning', returnLogistics: { carrier: '中通快递', trackingNo: 'ZT7788' }, actions: [] });
  const confirms = await Promise.all([1, 2].map(() => mall.as(OWNER).call('aftersale', 'confirmReturn', { shopId: c.shopA, id: a.id })));
  expect(confirms.filter((r) => r.ok)).toHaveLength(1);
  expect(await stockOf(mall.db, c.tea)).toBe(teaStock + 3);
  expect(await stockOf(mall.db, c.cup)).toBe(cupStock + 1);
  expect(await refunded(a.id)).toBe('refunded');
  expect(await wxRefunds(mall, o.paymentId)).toEqual([expect.objectContaining({ refundFee: 21000 })]);
  const order = await read(mall.db, 'orders', o.orderId);
  expect(order).toMatchObject({ status: 'closed', stockReleasedAt: expect.any(Date) });
  // the order timer's recovery pass does not put the stock back again
  await mall.fireTimer('order', 'sweep');
  expect(await stockOf(mall.db, c.tea)).toBe(teaStock + 3);
  expect(await mall.as('cat').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1 }], reason: '其他' })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_NOT_ALLOWED' } });
});

test('refund only before shipping: stock and coupon come back when the whole order is refunded, with shipping', async () => {
  await giveCoupon(mall.db, 'dan', 'as-dan-coupon');
  const o = await paidOrder('dan', [{ skuId: c.tea, quantity: 4 }], ['as-dan-coupon']);
  const stock = await stockOf(mall.db, c.tea);
  expect(await mall.as('dan').call('aftersale', 'apply', { orderId: o.orderId, type: 'return_refund', lines: [{ lineIndex: 0, quantity: 4 }], reason: '不想要了' })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_NOT_ALLOWED' } });
  const a = await mall.as('dan').ok('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 4 }], reason: '不想要了' });
  expect(a.amountFen).toBe(o.payFen);
  // the shop cannot ship past an unanswered request, and the shopper cannot cancel-and-refund on top
  expect(await mall.as(OWNER).call('shoporder', 'ship', { shopId: c.shopA, orderId: o.orderId, carrier: '顺丰', trackingNo: 'SF0009' })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_STATE_INVALID' } });
  expect(await mall.as('dan').call('order', 'cancel', { orderId: o.orderId })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_STATE_INVALID' } });
  expect((await mall.as('dan').ok('order', 'detail', { orderId: o.orderId })).actions).toEqual([]);
  await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: a.id });
  expect(await stockOf(mall.db, c.tea)).toBe(stock + 4);
  expect(await statusOf(mall.db, 'orders', o.orderId)).toBe('closed');
  expect(await statusOf(mall.db, 'user_coupons', 'as-dan-coupon')).toBe('unused');
  expect(await refunded(a.id)).toBe('refunded');
});

test('reject frees the line with a reason, cancel by the shopper too; denials change nothing', async () => {
  const o = await shipped('eve');
  const a = await mall.as('eve').ok('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 1, quantity: 1 }], reason: '不想要了' });
  const before = await read(mall.db, 'after_sales', a.id);
  const orderBefore = await read(mall.db, 'orders', o.orderId);
  // another shopper, another shop, a shopper calling shop actions: NOT_FOUND / FORBIDDEN, nothing changes
  expect(await mall.as('amy').call('aftersale', 'detail', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as('amy').call('aftersale', 'cancel', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as('amy').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1 }], reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as(OTHER).call('aftersale', 'approve', { shopId: c.shopB, id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as(OTHER).call('aftersale', 'approve', { shopId: c.shopA, id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as('eve').call('aftersale', 'approve', { shopId: c.shopA, id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as(OWNER).call('aftersale', 'reject', { shopId: c.shopA, id: a.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await read(mall.db, 'after_sales', a.id)).toEqual(before);
  expect(await read(mall.db, 'orders', o.orderId)).toEqual(orderBefore);
  expect(await wxRefunds(mall, o.paymentId)).toEqual([]);

  const rejected = await mall.as(OWNER).ok('aftersale', 'reject', { shopId: c.shopA, id: a.id, reason: '商品无质量问题' });
  expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '商品无质量问题', actions: [] });
  expect((await read(mall.db, 'orders', o.orderId)).afterSaleClaims).toEqual([]);
  const again = await mall.as('eve').ok('aftersale', 'apply', { orderId: o.orderId, type: 'return_refund', lines: [{ lineIndex: 1, quantity: 1 }], reason: '质量问题' });
  await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: again.id });
  const cancelled = await mall.as('eve').ok('aftersale', 'cancel', { id: again.id });
  expect(cancelled.status).toBe('cancelled');
  expect(await mall.as('eve').call('aftersale', 'cancel', { id: again.id })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_STATE_INVALID' } });
  const mine = await mall.as('eve').ok('aftersale', 'mine', {});
  expect(mine.items.map((x) => x.id)).toEqual([again.id, a.id]);
  expect(await wxRefunds(mall, o.paymentId)).toEqual([]);
});

test('completed orders take requests only within the after-sale window', async () => {
  const o = await shipped('amy');
  await mall.as('amy').ok('order', 'confirmReceipt', { orderId: o.orderId });
  expect((await mall.as('amy').ok('aftersale', 'maxRefundable', { orderId: o.orderId })).types).toEqual(['refund_only', 'return_refund']);
  await mall.db.collection('orders').doc(o.orderId).update({ data: { completedAt: new Date(Date.now() - 8 * 86_400_000) } });
  expect((await mall.as('amy').ok('aftersale', 'maxRefundable', { orderId: o.orderId })).types).toEqual([]);
  expect(await mall.as('amy').call('aftersale', 'apply', { orderId: o.orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity: 1 }], reason: '其他' })).toMatchObject({ ok: false, error: { code: 'AFTER_SALE_NOT_ALLOWED' } });
});

test('every after-sale query reads through ids and indexes', async () => {
  const o = await shipped('bob');
  await mall.emu.control('/_emulator/db/plans/reset', {});
  await mall.as('bob').ok('aftersale', 'maxRefundable', { orderId: o.orderId });
  const a = await mall.as('bob').ok('aftersale', 'apply', { orderId: o.orderId, type: 'return_refund', lines: [{ lineIndex: 0, quantity: 1 }], reason: '其他' });
  await mall.as('bob').ok('aftersale', 'mine', {});
  await mall.as('bob').ok('aftersale', 'detail', { id: a.id });
  for (const status of ['all', 'requested'] as const) await mall.as(OWNER).ok('aftersale', 'shopList', { shopId: c.shopA, status });
  await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: a.id });
  await mall.as('bob').ok('aftersale', 'submitReturn', { id: a.id, carrier: '中通快递', trackingNo: 'ZT1234' });
  await mall.as(OWNER).ok('aftersale', 'confirmReturn', { shopId: c.shopA, id: a.id });
  for (const status of ['all', 'paid', 'cancelled'] as const) await mall.as(OWNER).ok('shoporder', 'list', { shopId: c.shopA, status });
  await mall.as(OWNER).ok('shoporder', 'detail', { shopId: c.shopA, orderId: o.orderId });
  await refunded(a.id);
  const { collections } = await mall.emu.control<{ collections: Record<string, { index: number; scan: number; scans: Record<string, number> }> }>('/_emulator/db/plans');
  expect(collections.after_sales.index).toBeGreaterThan(0);
  const scanned = Object.fromEntries(['after_sales', 'orders', 'refunds', 'payments', 'skus'].filter((name) => collections[name]?.scan).map((name) => [name, collections[name].scans]));
  expect(scanned).toEqual({});
});
