/**
 * The finance function on the emulator: commission rates frozen at payment, settlement by the
 * timer (once, even when two timers race), refunds recorded before and after settlement, a
 * cancellation refunded in full and never settled, withdrawals that cannot overdraw, and the
 * invariant per payment: shop credits + commission + subsidy + refunds = amount paid.
 *
 * The emulated clock only moves forward, so tests that wait out the after-sale window share it.
 */
import type { LedgerEntryDoc, OrderDoc } from '../../server/model';
import { read, seedCategory } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, eventually, giveCoupon, payFor, seedAddress, seedCatalog } from './checkout-fixtures';

const DAY = 24 * 3600_000;
const ADMIN = 'fin-admin';
const OWNER = 'fin-owner';
const STAFF = 'fin-staff';

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  c = await seedCatalog(mall.db, 'f');
  for (const id of ['tea', 'ware', 'pen']) await seedCategory(mall.db, { _id: id, name: { tea: '茶叶', ware: '茶具', pen: '文具' }[id] });
  const now = new Date();
  await mall.db.collection('roles').add({ data: { _id: ADMIN, platformAdmin: true, shops: [], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: STAFF, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'staff' }], updatedAt: now } });
  for (const who of ['fa', 'fb', 'fc', 'fd', 'fe']) await seedAddress(mall.db, who);
}, 180_000);
afterAll(() => mall?.stop());

const admin = () => mall.as(ADMIN);

async function entries(query: Record<string, unknown>): Promise<LedgerEntryDoc[]> {
  return (await mall.db.collection('ledger_entries').where(query).limit(1000).get()).data;
}

async function buy(openid: string, items: Array<{ skuId: string; quantity: number }>, couponIds: string[] = []): Promise<{ paymentId: string; orderIds: string[]; payFen: number }> {
  const { created } = await checkout(mall, openid, items, { couponIds });
  await payFor(mall, openid, created.paymentId);
  return { paymentId: created.paymentId, orderIds: created.orderIds, payFen: created.payFen };
}

/** The shop ships (written directly: shipping belongs to another function) and the shopper confirms. */
async function complete(openid: string, orderId: string): Promise<void> {
  await mall.db.collection('orders').doc(orderId).update({ data: { status: 'shipped', shippedAt: new Date() } });
  await mall.as(openid).ok('order', 'confirmReceipt', { orderId });
}

async function succeededRefund(orderId: string, id: string, amountFen: number): Promise<void> {
  const order = (await read(mall.db, 'orders', orderId)) as OrderDoc;
  const at = new Date();
  await mall.db.collection('refunds').add({
    data: { _id: id, paymentId: order.paymentId, orderId, openid: order.openid, totalFen: order.payFen, amountFen, reason: 'after_sale', status: 'succeeded', attempts: 1, createdAt: at, updatedAt: at, succeededAt: at },
  });
}

const sweep = () => mall.fireTimer('finance', 'sweep');

/** shop credits + commission + subsidy + refunds of one payment's orders (ledger kinds settle and refund). */
async function ledgerTotal(paymentId: string): Promise<number> {
  const all = await entries({ paymentId });
  return all.filter((e) => e.account !== 'shop_withdrawing' && e.account !== 'shop_paid_out').reduce((s, e) => s + e.amountFen, 0);
}

describe('commission rates', () => {
  test('only platform admins read and set them; input is validated', async () => {
    expect(await admin().ok('finance', 'getCommission', {})).toMatchObject({ defaultBps: 500, categories: [], configured: false });
    expect(await mall.as(OWNER).call('finance', 'getCommission', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER).call('finance', 'setCommission', { defaultBps: 0, categories: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await admin().call('finance', 'setCommission', { defaultBps: 10_001, categories: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('finance', 'setCommission', { defaultBps: 2.5, categories: [] } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('finance', 'setCommission', { defaultBps: 500, categories: [{ categoryId: 'nope', bps: 1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { unknownCategoryIds: ['nope'] } } });
    expect(await admin().call('finance', 'setCommission', { defaultBps: 500, categories: [{ categoryId: 'tea', bps: 1 }, { categoryId: 'tea', bps: 2 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const set = await admin().ok('finance', 'setCommission', { defaultBps: 500, categories: [{ categoryId: 'tea', bps: 1000 }] });
    expect(set).toMatchObject({ defaultBps: 500, configured: true, categories: [{ categoryId: 'tea', bps: 1000, categoryName: '茶叶' }] });
    expect(await admin().ok('finance', 'getCommission', {})).toMatchObject({ defaultBps: 500, categories: [{ categoryId: 'tea', bps: 1000 }] });
  });
});

describe('settlement', () => {
  let big: { paymentId: string; orderIds: string[]; payFen: number };
  let small: { paymentId: string; orderIds: string[]; payFen: number };
  let cancelled: { paymentId: string; orderIds: string[]; payFen: number };
  let subsidised: { paymentId: string; orderIds: string[]; payFen: number };
  let held: { paymentId: string; orderIds: string[]; payFen: number };

  test('the rate of each line is frozen when the payment succeeds', async () => {
    // tea 2 x 30 yuan at 10%, cup 120 yuan at the 5% default; free shipping from 99 yuan
    big = await buy('fa', [{ skuId: c.tea, quantity: 2 }, { skuId: c.cup, quantity: 1 }]);
    const order = (await read(mall.db, 'orders', big.orderIds[0])) as OrderDoc;
    expect(order.status).toBe('paid');
    expect(order.lines.map((l) => [l.categoryIds[0], l.commissionBps])).toEqual([
      ['tea', 1000],
      ['ware', 500],
    ]);
    // rates changed after payment never reach the paid order
    await admin().ok('finance', 'setCommission', { defaultBps: 800, categories: [{ categoryId: 'tea', bps: 2000 }] });
    expect(((await read(mall.db, 'orders', big.orderIds[0])) as OrderDoc).lines.map((l) => l.commissionBps)).toEqual([1000, 500]);
  });

  test('more orders: a small one, one cancelled before shipping, one with a platform coupon, one with an open after-sale', async () => {
    small = await buy('fb', [{ skuId: c.tea, quantity: 1 }]); // 30 + 8 shipping, tea at 20%
    cancelled = await buy('fc', [{ skuId: c.tea, quantity: 1 }]);
    await giveCoupon(mall.db, 'fd', 'f-coupon'); // platform 满100减20
    subsidised = await buy('fd', [{ skuId: c.cup, quantity: 1 }], ['f-coupon']);
    held = await buy('fe', [{ skuId: c.cup, quantity: 1 }]);
    const sub = (await read(mall.db, 'orders', subsidised.orderIds[0])) as OrderDoc;
    expect(sub.lines[0]).toMatchObject({ platformDiscountFen: 2000, commissionBps: 800, payFen: 10000 });

    await mall.as('fc').ok('order', 'cancel', { orderId: cancelled.orderIds[0] });
    const refund = await eventually(() => read(mall.db, 'refunds', `R${cancelled.orderIds[0]}`), (r: { status: string }) => r.status === 'succeeded');
    expect(refund.status).toBe('succeeded');

    for (const [who, o] of [['fa', big], ['fb', small], ['fd', subsidised], ['fe', held]] as const) await complete(who, o.orderIds[0]);
    await mall.db.collection('after_sales').add({ data: { _id: 'f-as-1', orderId: held.orderIds[0], status: 'requested' } });
  });

  test('a partial refund before settlement only lowers what is settled later', async () => {
    await succeededRefund(small.orderIds[0], 'f-refund-small', 1000);
    await sweep();
    expect(await entries({ orderId: small.orderIds[0] })).toEqual([expect.objectContaining({ _id: 'refund:f-refund-small:shopper', account: 'shopper_refund', amountFen: 1000 })]);
    expect((await read(mall.db, 'refunds', 'f-refund-small')).ledgerAt).toBeDefined();
    // the cancellation's full refund is in the ledger too, and nothing is settled before the window closes
    expect(await entries({ orderId: cancelled.orderIds[0] })).toEqual([expect.objectContaining({ account: 'shopper_refund', amountFen: cancelled.payFen })]);
    expect(await entries({ kind: 'order_settled' })).toEqual([]);
  });

  test('after the after-sale window the timer settles each due order once, even when it fires twice at once', async () => {
    await mall.advance(7 * DAY + 60_000);
    await Promise.all([sweep(), sweep()]);
    await sweep();

    const bigEntries = await entries({ orderId: big.orderIds[0] });
    // commission 6000 x 10% + 12000 x 5% = 1200
    expect(bigEntries.map((e) => [e._id, e.amountFen]).sort()).toEqual([
      [`settle:${big.orderIds[0]}:commission`, 1200],
      [`settle:${big.orderIds[0]}:shop`, 16800],
    ]);
    expect(((await read(mall.db, 'orders', big.orderIds[0])) as OrderDoc).settledAt).toBeDefined();

    // small: paid 3800 (shipping 800 carries no commission), tea at the frozen 20%: commission 600, shop 3200;
    // refunded 1000 before settlement, split in proportion: commission 158, shop 842
    const smallSettled = Object.fromEntries((await entries({ orderId: small.orderIds[0], kind: 'order_settled' })).map((e) => [e.account, e.amountFen]));
    expect(smallSettled).toEqual({ shop_available: 2358, platform_commission: 442 });

    // platform coupon: shop base 12000 at 8% = 960 commission, shop 11040; the platform pays 2000
    const sub = Object.fromEntries((await entries({ orderId: subsidised.orderIds[0] })).map((e) => [e.account, e.amountFen]));
    expect(sub).toEqual({ shop_available: 11040, platform_commission: 960, platform_subsidy: -2000 });

    // the cancelled order is never settled, the one with an open after-sale waits
    expect(await entries({ orderId: cancelled.orderIds[0], kind: 'order_settled' })).toEqual([]);
    expect(await entries({ orderId: held.orderIds[0] })).toEqual([]);

    for (const p of [big, small, subsidised, cancelled]) expect(await ledgerTotal(p.paymentId)).toBe(p.payFen);
    const balance = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(balance).toMatchObject({ availableFen: 16800 + 2358 + 11040, withdrawingFen: 0, paidOutFen: 0, pendingOrders: 1 });
  });

  test('an order settles once its after-sale request closes', async () => {
    await mall.db.collection('after_sales').doc('f-as-1').update({ data: { status: 'rejected' } });
    await sweep();
    expect((await entries({ orderId: held.orderIds[0], kind: 'order_settled' })).length).toBeGreaterThan(0);
    expect(await ledgerTotal(held.paymentId)).toBe(held.payFen);
  });

  test('refunds after settlement reverse shop credit, commission and subsidy in proportion, exactly', async () => {
    const before = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    await succeededRefund(big.orderIds[0], 'f-refund-big-1', 5000);
    await succeededRefund(subsidised.orderIds[0], 'f-refund-sub-1', 3333);
    await Promise.all([sweep(), sweep()]);
    const rev = Object.fromEntries((await entries({ refundId: 'f-refund-big-1' })).map((e) => [e.account, e.amountFen]));
    expect(rev.shopper_refund).toBe(5000);
    expect(rev.shop_available + rev.platform_commission).toBe(-5000);
    expect(rev.platform_commission).toBe(-Math.round((5000 * 1200) / 18000));
    // the rest of both orders is refunded: everything is reversed and the invariant still holds
    await succeededRefund(big.orderIds[0], 'f-refund-big-2', big.payFen - 5000);
    await succeededRefund(subsidised.orderIds[0], 'f-refund-sub-2', subsidised.payFen - 3333);
    await sweep();
    for (const p of [big, subsidised]) {
      const all = await entries({ orderId: p.orderIds[0] });
      const byAccount = (a: string) => all.filter((e) => e.account === a).reduce((s, e) => s + e.amountFen, 0);
      expect([byAccount('shop_available'), byAccount('platform_commission'), byAccount('platform_subsidy'), byAccount('shopper_refund')]).toEqual([0, 0, 0, p.payFen]);
      expect(await ledgerTotal(p.paymentId)).toBe(p.payFen);
    }
    const after = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(after.availableFen).toBe(before.availableFen - 16800 - 11040);
    const account = await read(mall.db, 'shop_accounts', c.shopA);
    const sum = (await entries({ shopId: c.shopA, account: 'shop_available' })).reduce((s, e) => s + e.amountFen, 0);
    expect(account.availableFen).toBe(sum);
  });

  test('statements list the movements of the available balance newest first, paged', async () => {
    const first = await mall.as(STAFF).ok('finance', 'statements', { shopId: c.shopA, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    expect(first.items[0].at).toBeGreaterThanOrEqual(first.items[1].at);
    expect(first.items[0].orderId).toBeDefined();
    const rest = await mall.as(STAFF).ok('finance', 'statements', { shopId: c.shopA, cursor: first.nextCursor!, pageSize: 50 });
    expect([...first.items, ...rest.items].reduce((s, l) => s + l.amountFen, 0)).toBe((await mall.as(STAFF).ok('finance', 'balance', { shopId: c.shopA })).availableFen);
    expect(await mall.as('fa').call('finance', 'statements', { shopId: c.shopA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('withdrawals', () => {
  test('concurrent requests never overdraw; only the owner requests', async () => {
    const { availableFen } = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(availableFen).toBeGreaterThan(100);
    expect(await mall.as(STAFF).call('finance', 'requestWithdrawal', { shopId: c.shopA, amountFen: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER).call('finance', 'requestWithdrawal', { shopId: c.shopA, amountFen: availableFen + 1 })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE' } });
    expect(await mall.as(OWNER).call('finance', 'requestWithdrawal', { shopId: c.shopA, amountFen: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const share = Math.floor(availableFen * 0.6);
    const results = await Promise.all([1, 2, 3].map(() => mall.as(OWNER).call('finance', 'requestWithdrawal', { shopId: c.shopA, amountFen: share })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code)).toEqual(['INSUFFICIENT_BALANCE', 'INSUFFICIENT_BALANCE']);
    const balance = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(balance).toMatchObject({ availableFen: availableFen - share, withdrawingFen: share });
  });

  test('an admin approves and marks paid with the transfer reference, or rejects and the hold returns', async () => {
    const mine = await mall.as(STAFF).ok('finance', 'myWithdrawals', { shopId: c.shopA });
    const w = mine.items[0];
    expect(w).toMatchObject({ status: 'requested' });
    const queue = await admin().ok('finance', 'listWithdrawals', { status: 'requested' });
    expect(queue.items.map((i) => i.id)).toContain(w.id);
    expect(queue.items[0].shopName).toBe('f茶铺');
    expect(await admin().call('finance', 'markWithdrawalPaid', { id: w.id, reference: 'T1' })).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_STATE_INVALID' } });
    expect(await mall.as(OWNER).call('finance', 'approveWithdrawal', { id: w.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await admin().ok('finance', 'approveWithdrawal', { id: w.id })).toMatchObject({ status: 'approved' });
    expect(await admin().ok('finance', 'approveWithdrawal', { id: w.id })).toMatchObject({ status: 'approved' });
    const paid = await Promise.all([1, 2].map(() => admin().call('finance', 'markWithdrawalPaid', { id: w.id, reference: '1000018301202611220001' })));
    for (const r of paid) expect(r).toMatchObject({ ok: true, data: { status: 'paid', reference: '1000018301202611220001' } });
    expect(await admin().call('finance', 'rejectWithdrawal', { id: w.id, reason: '晚了' })).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_STATE_INVALID' } });
    let balance = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(balance).toMatchObject({ withdrawingFen: 0, paidOutFen: w.amountFen });

    const second = await mall.as(OWNER).ok('finance', 'requestWithdrawal', { shopId: c.shopA, amountFen: 100 });
    const rejected = await admin().ok('finance', 'rejectWithdrawal', { id: second.withdrawal.id, reason: '账户信息有误' });
    expect(rejected).toMatchObject({ status: 'rejected', reason: '账户信息有误' });
    const after = await mall.as(OWNER).ok('finance', 'balance', { shopId: c.shopA });
    expect(after.availableFen).toBe(balance.availableFen);
    expect(after.withdrawingFen).toBe(0);
    balance = after;
    const account = await read(mall.db, 'shop_accounts', c.shopA);
    for (const [acc, field] of [['shop_available', 'availableFen'], ['shop_withdrawing', 'withdrawingFen'], ['shop_paid_out', 'paidOutFen']] as const) {
      expect(account[field]).toBe((await entries({ shopId: c.shopA, account: acc })).reduce((s, e) => s + e.amountFen, 0));
    }
  });

  test('the overview sums payments, the ledger, balances and pending withdrawals', async () => {
    const o = await admin().ok('finance', 'overview', {});
    const refunds = (await entries({ account: 'shopper_refund' })).reduce((s, e) => s + e.amountFen, 0);
    const commission = (await entries({ account: 'platform_commission' })).reduce((s, e) => s + e.amountFen, 0);
    expect(o).toMatchObject({ refundedFen: refunds, commissionFen: commission, subsidyFen: 0, pendingWithdrawals: { count: 0, amountFen: 0 } });
    const payments = (await mall.db.collection('payments').where({ status: 'paid' }).limit(1000).get()).data as Array<{ totalFen: number }>;
    expect(o.gmvFen).toBe(payments.reduce((s, p) => s + p.totalFen, 0));
    const account = await read(mall.db, 'shop_accounts', c.shopA);
    expect(o.shopBalancesFen).toBe(account.availableFen + account.withdrawingFen);
    expect(await mall.as(OWNER).call('finance', 'overview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the timer actions are refused from the mini-program', async () => {
    for (const action of ['sweep', 'settleDue', 'recordRefunds']) {
      expect(await mall.raw(ADMIN, 'finance', { action })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('invariant', () => {
  test('a payment over two shops, refunds before and after settlement racing the timer: credits + commission + subsidy + refunds = paid', async () => {
    await seedAddress(mall.db, 'ff');
    const p = await buy('ff', [{ skuId: c.tea, quantity: 3 }, { skuId: c.pen, quantity: 2 }, { skuId: c.ink, quantity: 1 }]);
    expect(p.orderIds).toHaveLength(2);
    const [orderA, orderB] = p.orderIds;
    for (const id of p.orderIds) await complete('ff', id);
    const payB = ((await read(mall.db, 'orders', orderB)) as OrderDoc).payFen;
    await succeededRefund(orderB, 'f-inv-b1', 777);
    await sweep();
    await mall.advance(7 * DAY + 60_000);
    await succeededRefund(orderA, 'f-inv-a1', 1234);
    await Promise.all([sweep(), sweep(), sweep()]);
    await succeededRefund(orderB, 'f-inv-b2', payB - 777 - 1);
    await succeededRefund(orderA, 'f-inv-a2', 1);
    await Promise.all([sweep(), sweep()]);
    expect(await ledgerTotal(p.paymentId)).toBe(p.payFen);
    for (const id of p.orderIds) {
      expect((await entries({ orderId: id, kind: 'order_settled', account: 'shop_available' })).length).toBe(1);
      expect(((await read(mall.db, 'orders', id)) as OrderDoc).ledgerRefundIds?.length).toBe(2);
    }
    const shopperRefunds = (await entries({ paymentId: p.paymentId, account: 'shopper_refund' })).reduce((s, e) => s + e.amountFen, 0);
    expect(shopperRefunds).toBe(777 + 1234 + (payB - 777 - 1) + 1);
    for (const shopId of [c.shopA, c.shopB]) {
      const account = await read(mall.db, 'shop_accounts', shopId);
      expect(account.availableFen).toBe((await entries({ shopId, account: 'shop_available' })).reduce((s, e) => s + e.amountFen, 0));
    }
  });
});
