/**
 * How to open each page for a screenshot: its query, and for pages that show a shopper's own
 * things (cart, orders, addresses, coupons) the data to create first through the real cloud
 * functions. A page of app.json without an entry opens with no query as the default shopper.
 * Entries for pages not (yet) in app.json are ignored.
 *
 * Repeatable screenshots: the demo data is fixed (scripts/demo), the cart is reset before its
 * screenshot, order pages run on a clock fixed at the order's creation (countdowns), and text
 * that differs on every run (order and payment ids, creation times) is masked.
 */
import type { CheckoutItem } from '../../miniprogram/contracts';
import type { Caller, Mall } from '../../test/support/mall';

export const DEFAULT_IDENTITY = 'dev-shopper-1';

/** Date-times as pages print them ("2026-06-01 10:00", "06-01 10:00:05"): they differ on every run. */
export const DATE_TIME_MASKS = ['\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\s+\\d{1,2}:\\d{2}(:\\d{2})?', '\\b\\d{2}-\\d{2}\\s+\\d{1,2}:\\d{2}(:\\d{2})?'];

export interface PreparedPage {
  query?: Record<string, string>;
  /** wx storage to set before the page loads. */
  storage?: Record<string, unknown>;
  /** Fixes the page's clock (epoch ms). */
  now?: number;
  /** Texts to mask, as regular expressions (exact ids are escaped by `literal`). */
  maskText?: string[];
}

export interface Scenario {
  identity?: string;
  /** Page-test selectors of elements to mask. */
  masks?: string[];
  /** The `data.status` the page must end in (default: anything but error or loading). */
  expectStatus?: 'ready' | 'empty';
  prepare?(mall: Mall, caller: Caller): Promise<PreparedPage>;
}

export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CART_ITEMS: CheckoutItem[] = [
  { skuId: 'goods-001-1', quantity: 2 },
  { skuId: 'goods-002-1', quantity: 1 },
];

/** Empties the shopper's cart and puts the same lines in it every time. */
async function resetCart(caller: Caller): Promise<void> {
  const cart = await caller.ok('cart', 'view', {});
  const lineIds = cart.shops.flatMap((shop) => shop.lines.map((line) => line.id));
  if (lineIds.length) await caller.ok('cart', 'remove', { lineIds });
  for (const item of CART_ITEMS) await caller.ok('cart', 'add', item);
}

async function ensureAddress(caller: Caller): Promise<string> {
  const { addresses } = await caller.ok('user', 'listAddresses', {});
  const existing = addresses[0];
  if (existing) return existing.id;
  const created = await caller.ok('user', 'createAddress', {
    name: '张小云',
    phone: '13800138000',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    detail: '世纪大道 100 号 8 楼',
    isDefault: true,
  });
  return created.id;
}

interface CreatedOrder {
  orderId: string;
  paymentId: string;
  createdAt: number;
}

/** An unpaid order of one demo SKU, created through order.quote and order.create. */
async function createOrder(caller: Caller): Promise<CreatedOrder> {
  const addressId = await ensureAddress(caller);
  const items: CheckoutItem[] = [{ skuId: 'goods-002-1', quantity: 1 }];
  const quote = await caller.ok('order', 'quote', { items, addressId });
  const created = await caller.ok('order', 'create', {
    items,
    addressId,
    couponIds: quote.appliedCouponIds,
    expectedPayFen: quote.payFen,
    requestId: `preview-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const orderId = created.orderIds[0];
  if (!orderId) throw new Error('order.create returned no order id');
  const detail = await caller.ok('order', 'detail', { orderId });
  return { orderId, paymentId: created.paymentId, createdAt: detail.createdAt };
}

async function paidOrder(mall: Mall, caller: Caller): Promise<CreatedOrder> {
  const order = await createOrder(caller);
  await caller.ok('payment', 'pay', { paymentId: order.paymentId });
  await mall.pay(order.paymentId);
  return order;
}

const orderMasks = (order: CreatedOrder) => [literal(order.orderId), literal(order.paymentId)];

export const SCENARIOS: Record<string, Scenario> = {
  'pages/cart/index': {
    expectStatus: 'ready',
    async prepare(_mall, caller) {
      await resetCart(caller);
      return {};
    },
  },
  'packages/goods/search/index': { prepare: async () => ({ query: { keyword: encodeURIComponent('葡萄') } }) },
  'packages/goods/detail/index': { prepare: async () => ({ query: { goodsId: 'goods-001' } }) },
  'packages/order/checkout/index': {
    async prepare(_mall, caller) {
      await ensureAddress(caller);
      return { storage: { 'cloudmall.checkout-intent': { items: CART_ITEMS, fromCart: false } } };
    },
  },
  'packages/order/list/index': {
    async prepare(_mall, caller) {
      const order = await createOrder(caller);
      return { query: { status: 'pending_payment' }, now: order.createdAt, maskText: orderMasks(order) };
    },
  },
  'packages/order/detail/index': {
    async prepare(_mall, caller) {
      const order = await createOrder(caller);
      return { query: { orderId: order.orderId }, now: order.createdAt, maskText: orderMasks(order) };
    },
  },
  'packages/order/pay-result/index': {
    async prepare(mall, caller) {
      const order = await paidOrder(mall, caller);
      return { query: { paymentId: order.paymentId }, now: order.createdAt, maskText: orderMasks(order) };
    },
  },
  'packages/user/addresses/index': {
    async prepare(_mall, caller) {
      await ensureAddress(caller);
      return {};
    },
  },
  'packages/user/address-edit/index': {
    async prepare(_mall, caller) {
      return { query: { addressId: await ensureAddress(caller) } };
    },
  },
  'packages/coupon/mine/index': {
    async prepare(_mall, caller) {
      const claimed = await caller.call('coupon', 'claim', { templateId: 'tpl-100-20' });
      // Claimed before (a previous page or run) is as good as claimed now.
      if (!claimed.ok && claimed.error.code !== 'COUPON_LIMIT_REACHED') throw new Error(`coupon.claim: ${claimed.error.code} ${claimed.error.message}`);
      return {};
    },
  },
};
