/**
 * The shoporder function against the emulator: a shop's own orders by state, the detail with the
 * buyer's address, shipping (conditional, with the subscribe message) and the merchant note, and
 * denial for other shops and shoppers.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, payFor, seedAddress, seedCatalog } from './checkout-fixtures';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
const OWNER = 'so-owner';
const STAFF = 'so-staff';
const OTHER = 'so-other-owner';

beforeAll(async () => {
  mall = await startMall({ workers: 2, env: { ORDER_SHIPPED_TEMPLATE_ID: 'TPL_SHIP_TEST' } });
  c = await seedCatalog(mall.db, 'so');
  const now = new Date();
  await mall.db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: STAFF, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'staff' }], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: OTHER, platformAdmin: false, shops: [{ shopId: c.shopB, role: 'owner' }], updatedAt: now } });
  for (const who of ['sam', 'sue']) await seedAddress(mall.db, who);
}, 120_000);
afterAll(() => mall.stop());

async function paidOrder(openid: string, skuId: string, quantity = 1): Promise<string> {
  const { created } = await checkout(mall, openid, [{ skuId, quantity }]);
  await payFor(mall, openid, created.paymentId);
  return created.orderIds[0];
}

test('lists only this shop orders by state, newest first, with paging', async () => {
  const first = await paidOrder('sam', c.tea);
  const second = await paidOrder('sam', c.cup);
  const pen = await paidOrder('sam', c.pen);
  const page = await mall.as(STAFF).ok('shoporder', 'list', { shopId: c.shopA, status: 'paid', pageSize: 1 });
  expect(page.items.map((o) => o.id)).toEqual([second]);
  expect(page.items[0]).toMatchObject({ buyerName: '张三', openAfterSales: 0, shopId: c.shopA });
  const next = await mall.as(STAFF).ok('shoporder', 'list', { shopId: c.shopA, status: 'paid', pageSize: 1, cursor: page.nextCursor! });
  expect(next.items.map((o) => o.id)).toEqual([first]);
  const all = await mall.as(OWNER).ok('shoporder', 'list', { shopId: c.shopA });
  expect(all.items.map((o) => o.id)).not.toContain(pen);
  expect(await mall.as(OTHER).call('shoporder', 'list', { shopId: c.shopA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as('sam').call('shoporder', 'list', { shopId: c.shopA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('detail shows the buyer address to the shop, and another shop order is NOT_FOUND', async () => {
  const orderId = await paidOrder('sue', c.tea, 2);
  const d = await mall.as(STAFF).ok('shoporder', 'detail', { shopId: c.shopA, orderId });
  expect(d).toMatchObject({ id: orderId, status: 'paid', buyerName: '张三', address: { phone: '13800138000', detail: '世纪大道100号' }, actions: ['ship', 'note'], afterSales: [], lineRefunds: [{ quantity: 0, amountFen: 0 }] });
  const penOrder = await paidOrder('sue', c.pen);
  expect(await mall.as(OWNER).call('shoporder', 'detail', { shopId: c.shopA, orderId: penOrder })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as(OTHER).call('shoporder', 'detail', { shopId: c.shopB, orderId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('ship moves paid to shipped once, sets auto-confirm and logistics, and messages the shopper', async () => {
  const orderId = await paidOrder('sam', c.tea);
  const before = await read(mall.db, 'orders', orderId);
  const results = await Promise.all([1, 2, 3].map(() => mall.as(STAFF).call('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' })));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ error: { code: 'ORDER_STATE_INVALID' } });
  const order = await read(mall.db, 'orders', orderId);
  expect(order).toMatchObject({ status: 'shipped', logistics: { carrier: '顺丰速运', trackingNo: 'SF1234567890' } });
  expect(order.autoConfirmAt.getTime() - order.shippedAt.getTime()).toBe(10 * 86_400_000);
  expect(order.history.filter((h: { event: string }) => h.event === 'ship')).toHaveLength(1);
  expect(order.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime() - 1);
  const { messages } = await mall.emu.control<{ messages: any[] }>('/_emulator/openapi/outbox?touser=sam');
  const mine = messages.filter((m) => JSON.stringify(m).includes(orderId.slice(0, 32)));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ templateId: 'TPL_SHIP_TEST' });
  // the shopper sees the logistics
  expect(await mall.as('sam').ok('order', 'detail', { orderId })).toMatchObject({ status: 'shipped', logistics: { carrier: '顺丰速运' } });
});

test('ship refuses bad input, unpaid orders and other shops, changing nothing', async () => {
  const orderId = await paidOrder('sue', c.cup);
  const before = await read(mall.db, 'orders', orderId);
  expect(await mall.as(STAFF).call('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '顺丰', trackingNo: '中文单号' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await mall.as(OTHER).call('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '顺丰', trackingNo: 'SF0001' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as(OTHER).call('shoporder', 'ship', { shopId: c.shopB, orderId, carrier: '顺丰', trackingNo: 'SF0001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await read(mall.db, 'orders', orderId)).toEqual(before);
  const { created } = await checkout(mall, 'sue', [{ skuId: c.tea, quantity: 1 }]);
  expect(await mall.as(OWNER).call('shoporder', 'ship', { shopId: c.shopA, orderId: created.orderIds[0], carrier: '顺丰', trackingNo: 'SF0002' })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
});

test('a suspended shop still ships and notes its open orders', async () => {
  const orderId = await paidOrder('sam', c.tea);
  await mall.db.collection('shops').doc(c.shopA).update({ data: { status: 'suspended' } });
  try {
    const noted = await mall.as(STAFF).ok('shoporder', 'note', { shopId: c.shopA, orderId, note: ' 客户要求周末送达 ' });
    expect(noted.merchantNote).toBe('客户要求周末送达');
    expect(await mall.as('sam').ok('order', 'detail', { orderId })).not.toHaveProperty('merchantNote');
    const shipped = await mall.as(STAFF).ok('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '中通快递', trackingNo: 'ZT998877' });
    expect(shipped).toMatchObject({ status: 'shipped', actions: ['note'] });
    const cleared = await mall.as(OWNER).ok('shoporder', 'note', { shopId: c.shopA, orderId, note: '' });
    expect(cleared.merchantNote).toBe('');
    expect(await read(mall.db, 'orders', orderId)).not.toHaveProperty('merchantNote');
  } finally {
    await mall.db.collection('shops').doc(c.shopA).update({ data: { status: 'active' } });
  }
});
