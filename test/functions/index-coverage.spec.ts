/**
 * "Indexes for every query the code makes": runs the shopper's whole journey through the real
 * functions over the demo data, then asks the emulator how each query was answered. No collection
 * that grows with use may be read by a full scan.
 */
import { seedDemo } from '../../scripts/demo/seed-demo';
import { type Mall, startMall } from '../support/mall';
import { ADDRESS } from '../support/fixtures';

/** Collections that grow with shoppers, orders or goods: every query on them must use an index. */
const GROWING = ['users', 'addresses', 'goods', 'skus', 'carts', 'orders', 'payments', 'refunds', 'user_coupons', 'coupon_claims', 'coupon_templates'];

let mall: Mall;
beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  await seedDemo({ db: mall.db, cloud: mall.cloud });
  await mall.emu.control('/_emulator/db/plans/reset', {});
}, 120_000);
afterAll(() => mall.stop());

test('the shopper journey reads growing collections only through ids and indexes', async () => {
  const me = mall.as('coverage-shopper');
  await me.ok('user', 'signIn', {});
  await me.ok('catalog', 'home', {});
  await me.ok('catalog', 'categories', {});
  for (const req of [{ keyword: '葡萄' }, { categoryId: 'cat-fruit', sort: 'price_asc' as const }, { shopId: 'shop-digital', sort: 'sales' as const }, { minPriceFen: 1000, maxPriceFen: 5000, sort: 'newest' as const }, { sort: 'price_desc' as const }]) {
    const page = await me.ok('catalog', 'search', req);
    if (page.nextCursor) await me.ok('catalog', 'search', { ...req, cursor: page.nextCursor });
  }
  const detail = await me.ok('catalog', 'detail', { goodsId: 'goods-026' });
  const sku = detail.skus.find((s) => s.stock > 0)!;
  await me.ok('cart', 'add', { skuId: sku.id, quantity: 1 });
  const cart = await me.ok('cart', 'view', {});
  await me.ok('cart', 'select', { lineIds: 'all', selected: true });
  await me.ok('cart', 'setQuantity', { lineId: cart.shops[0].lines[0].id, quantity: 2 });
  await me.ok('coupon', 'center', {});
  await me.ok('coupon', 'center', { shopId: 'shop-digital' });
  const coupon = await me.ok('coupon', 'claim', { templateId: 'tpl-100-20' });
  await me.ok('coupon', 'mine', { status: 'unused' });
  await me.ok('coupon', 'counts', {});
  const address = await me.ok('user', 'createAddress', ADDRESS);
  await me.ok('user', 'listAddresses', {});
  const items = [{ skuId: sku.id, quantity: 2 }];
  await me.ok('order', 'quote', { items, addressId: address.id, fromCart: true });
  const quote = await me.ok('order', 'quote', { items, addressId: address.id, couponIds: [coupon.id], fromCart: true });
  const created = await me.ok('order', 'create', { items, addressId: address.id, couponIds: [coupon.id], fromCart: true, requestId: 'coverage-1', expectedPayFen: quote.payFen });
  await me.ok('payment', 'pay', { paymentId: created.paymentId });
  await mall.pay(created.paymentId);
  await me.ok('payment', 'status', { paymentId: created.paymentId });
  for (const status of ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'cancelled'] as const) await me.ok('order', 'list', { status });
  await me.ok('order', 'detail', { orderId: created.orderIds[0] });
  await me.ok('order', 'counts', {});
  await me.ok('order', 'cancel', { orderId: created.orderIds[0] });
  await mall.fireTimer('order');
  await mall.fireTimer('payment');
  await mall.advance(31 * 60_000);

  const { collections } = await mall.emu.control<{ collections: Record<string, { id: number; index: number; scan: number; scans: Record<string, number> }> }>('/_emulator/db/plans');
  const scanned = Object.fromEntries(GROWING.filter((c) => collections[c]?.scan).map((c) => [c, collections[c].scans]));
  expect(scanned).toEqual({});
  // the journey did read the growing collections, through ids and indexes
  for (const c of ['goods', 'skus', 'orders', 'payments', 'user_coupons', 'carts']) expect((collections[c]?.id ?? 0) + (collections[c]?.index ?? 0)).toBeGreaterThan(0);
});
