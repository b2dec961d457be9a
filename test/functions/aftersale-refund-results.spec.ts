/**
 * After-sale refunds against WeChat Pay results played by hand (EMULATOR_PAY_REFUND_SETTLE manual):
 * a request stays refunding until WeChat reports success, a failed payout (CHANGE) never marks it
 * refunded, and repeated success notifications finish it once.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, eventually, payFor, seedAddress, seedCatalog, statusOf } from './checkout-fixtures';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;
const OWNER = 'ar-owner';

beforeAll(async () => {
  mall = await startMall({ workers: 2, env: { EMULATOR_PAY_REFUND_SETTLE: 'manual' } });
  c = await seedCatalog(mall.db, 'ar');
  await mall.db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: new Date() } });
  await seedAddress(mall.db, 'ray');
}, 120_000);
afterAll(() => mall.stop());

async function approvedRefund(quantity: number): Promise<string> {
  const { created } = await checkout(mall, 'ray', [{ skuId: c.tea, quantity: 3 }]);
  await payFor(mall, 'ray', created.paymentId);
  const orderId = created.orderIds[0];
  await mall.as(OWNER).ok('shoporder', 'ship', { shopId: c.shopA, orderId, carrier: '顺丰速运', trackingNo: 'SF4455' });
  const a = await mall.as('ray').ok('aftersale', 'apply', { orderId, type: 'refund_only', lines: [{ lineIndex: 0, quantity }], reason: '质量问题' });
  expect(await mall.as(OWNER).ok('aftersale', 'approve', { shopId: c.shopA, id: a.id })).toMatchObject({ status: 'refunding' });
  return a.id;
}

const settle = (outRefundNo: string, status: string, duplicates = 0) => mall.emu.control('/_emulator/pay/refunds/settle', { outRefundNo, status, duplicates, wait: true });

test('a payout WeChat could not make keeps the request refunding', async () => {
  const id = await approvedRefund(1);
  expect(await mall.as('ray').ok('aftersale', 'detail', { id })).toMatchObject({ status: 'refunding', refund: { status: 'processing' } });
  await settle(`A${id}`, 'CHANGE');
  expect(await eventually(() => statusOf(mall.db, 'refunds', `A${id}`), (s) => s === 'failed')).toBe('failed');
  await mall.fireTimer('payment', 'retryRefunds');
  expect(await statusOf(mall.db, 'after_sales', id)).toBe('refunding');
  expect(await mall.as('ray').ok('aftersale', 'detail', { id })).toMatchObject({ status: 'refunding', refund: { status: 'failed' } });
});

test('repeated success notifications finish the request once', async () => {
  const id = await approvedRefund(2);
  await settle(`A${id}`, 'SUCCESS', 3);
  expect(await eventually(() => statusOf(mall.db, 'after_sales', id), (s) => s === 'refunded')).toBe('refunded');
  const doc = await read(mall.db, 'after_sales', id);
  expect(doc.history.filter((h: { event: string }) => h.event === 'refundDone')).toHaveLength(1);
  expect(doc.refundedAt).toBeInstanceOf(Date);
});
