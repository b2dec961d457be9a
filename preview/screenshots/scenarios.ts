/**
 * How to open each page for a screenshot: its query, and for pages that show a shopper's own
 * things (cart, orders, addresses, coupons) the data to create first through the real cloud
 * functions. A page of app.json without an entry opens with no query as the default shopper.
 * Entries for pages not (yet) in app.json are ignored.
 *
 * Repeatable screenshots: the demo data is fixed (scripts/demo), the mall's clock is pinned and
 * frozen (test/support/pinned-clock.ts) and the pages' clock follows it, the cart is reset before
 * its screenshot, order pages run on a clock fixed at the order's creation (countdowns), and only
 * ids that are random on every run (order, payment and document ids) are masked: never a date.
 */
import type { CheckoutItem } from '../../miniprogram/contracts';
import type { Caller, Mall } from '../../test/support/mall';

export const DEFAULT_IDENTITY = 'dev-shopper-1';

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

/** The demo shop `dev-merchant-1` owns, and the platform admin of the demo data (scripts/demo). */
const MERCHANT = 'dev-merchant-1';
const SHOP = 'shop-fresh';
const ADMIN = 'dev-admin-1';
/** Ids that differ on every run wherever a list shows them: 32-hex document ids, trade numbers. */
const ID_MASKS = ['\\b[0-9a-f]{32}\\b', '\\b\\d{16,}\\b'];

const shopper = (mall: Mall) => mall.as(DEFAULT_IDENTITY);

/** A paid order of the demo shop, bought by the default shopper. */
async function paidShopOrder(mall: Mall): Promise<CreatedOrder> {
  return paidOrder(mall, shopper(mall));
}

/** A paid order the shop shipped, with a return-and-refund request from the shopper on its line. */
async function returnRequest(mall: Mall): Promise<{ order: CreatedOrder; afterSaleId: string }> {
  const order = await paidShopOrder(mall);
  await mall.as(MERCHANT).ok('shoporder', 'ship', { shopId: SHOP, orderId: order.orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' });
  const request = await shopper(mall).ok('aftersale', 'apply', { orderId: order.orderId, type: 'return_refund', lines: [{ lineIndex: 0, quantity: 1 }], reason: '质量问题', description: '外包装破损，果子压坏了两个' });
  return { order, afterSaleId: request.id };
}

/** Settled money for the demo shop: a bought, shipped, received order, 8 days on, the settlement run. */
async function settledShop(mall: Mall): Promise<void> {
  const order = await paidShopOrder(mall);
  await mall.as(MERCHANT).ok('shoporder', 'ship', { shopId: SHOP, orderId: order.orderId, carrier: '中通快递', trackingNo: 'ZT7300000001' });
  await shopper(mall).ok('order', 'confirmReceipt', { orderId: order.orderId });
  await mall.advance(8 * 24 * 3_600_000);
  await mall.fireTimer('finance', 'sweep');
}

/** A paid order of the demo shop, shipped and received by the default shopper. */
async function receivedOrder(mall: Mall): Promise<CreatedOrder> {
  const order = await paidShopOrder(mall);
  await mall.as(MERCHANT).ok('shoporder', 'ship', { shopId: SHOP, orderId: order.orderId, carrier: '顺丰速运', trackingNo: 'SF1234567891' });
  await shopper(mall).ok('order', 'confirmReceipt', { orderId: order.orderId });
  return order;
}

let reviewed: Promise<void> | null = null;
/** Once per run: two reviews of demo goods-002 (one with a shop reply), for the review pages. */
const reviewOnce = (mall: Mall) =>
  (reviewed ??= (async () => {
    for (const [stars, text] of [[5, '葡萄很甜，颗颗饱满，冷链到家还是凉的'], [4, '味道不错，就是有两颗压坏了']] as const) {
      const order = await receivedOrder(mall);
      await shopper(mall).ok('review', 'create', { orderId: order.orderId, items: [{ lineIndex: 0, stars, text }] });
    }
    const { items } = await mall.as(MERCHANT).ok('review', 'shopList', { shopId: SHOP, replied: false });
    const lower = items.find((r) => r.stars === 4);
    if (lower) await mall.as(MERCHANT).ok('review', 'reply', { shopId: SHOP, reviewId: lower.id, text: '抱歉给您带来不便，已安排补发，欢迎再来！' });
  })());

let settled: Promise<void> | null = null;
/** Once per run: several finance pages show the same settled money. */
const settleOnce = (mall: Mall) => (settled ??= settledShop(mall));

export const SCENARIOS: Record<string, Scenario> = {
  // ---- the shop admin (dev-merchant-1, shop-fresh) ----
  'packages/shop/overview/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      await paidShopOrder(mall);
      return { query: { shopId: SHOP } };
    },
  },
  'packages/shop/goods/index': { identity: MERCHANT, expectStatus: 'ready', prepare: async () => ({ query: { shopId: SHOP } }) },
  'packages/shop/goods-edit/index': { identity: MERCHANT, expectStatus: 'ready', prepare: async () => ({ query: { shopId: SHOP, goodsId: 'goods-001' } }) },
  'packages/shop/settings/index': { identity: MERCHANT, expectStatus: 'ready', prepare: async () => ({ query: { shopId: SHOP } }) },
  'packages/shop/staff/index': { identity: MERCHANT, expectStatus: 'ready', prepare: async () => ({ query: { shopId: SHOP } }) },
  'packages/shop/join/index': { prepare: async () => ({ query: { code: 'K7PQ2MXA' } }) },
  'packages/shop/orders/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      const order = await paidShopOrder(mall);
      return { query: { shopId: SHOP }, now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },
  'packages/shop/order-detail/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      const order = await paidShopOrder(mall);
      return { query: { shopId: SHOP, orderId: order.orderId }, now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },
  'packages/shop/aftersales/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      const { order } = await returnRequest(mall);
      return { query: { shopId: SHOP }, now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },
  'packages/shop/aftersale-detail/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      const { order, afterSaleId } = await returnRequest(mall);
      return { query: { shopId: SHOP, id: afterSaleId }, now: order.createdAt, maskText: [...orderMasks(order), literal(afterSaleId), ...ID_MASKS] };
    },
  },
  'packages/shop/finance/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      await settleOnce(mall);
      return { query: { shopId: SHOP }, maskText: ID_MASKS };
    },
  },
  'packages/shop/apply/index': { identity: 'dev-shopper-2', expectStatus: 'ready' },

  // ---- reviews, favourites, history, the shop home page ----
  'packages/goods/shop/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      const settings = await mall.as(MERCHANT).ok('shop', 'getSettings', { shopId: SHOP });
      await mall.as(MERCHANT).ok('shop', 'saveSettings', { shopId: SHOP, name: settings.name, logoUrl: settings.logoUrl, bannerUrl: settings.bannerUrl, announcement: '当季鲜果产地直发，满99元包邮' });
      return { query: { shopId: SHOP } };
    },
  },
  'packages/goods/reviews/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      await reviewOnce(mall);
      return { query: { goodsId: 'goods-002' } };
    },
  },
  'packages/order/review/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      const order = await receivedOrder(mall);
      return { query: { orderId: order.orderId }, now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },
  'packages/shop/reviews/index': {
    identity: MERCHANT,
    expectStatus: 'ready',
    async prepare(mall) {
      await reviewOnce(mall);
      return { query: { shopId: SHOP } };
    },
  },
  'packages/user/favorites/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      for (const goodsId of ['goods-003', 'goods-001']) await shopper(mall).ok('favorite', 'add', { goodsId });
      return {};
    },
  },
  'packages/user/history/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      for (const goodsId of ['goods-010', 'goods-002']) await shopper(mall).ok('favorite', 'record', { goodsId });
      return {};
    },
  },

  // ---- the shopper's after-sale pages ----
  'packages/order/aftersale-apply/index': {
    async prepare(mall) {
      const order = await paidShopOrder(mall);
      return { query: { orderId: order.orderId }, now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },
  'packages/order/aftersale-detail/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      const { order, afterSaleId } = await returnRequest(mall);
      return { query: { id: afterSaleId }, now: order.createdAt, maskText: [...orderMasks(order), literal(afterSaleId), ...ID_MASKS] };
    },
  },
  'packages/order/aftersale-list/index': {
    expectStatus: 'ready',
    async prepare(mall) {
      const { order } = await returnRequest(mall);
      return { now: order.createdAt, maskText: [...orderMasks(order), ...ID_MASKS] };
    },
  },

  // ---- the platform admin (dev-admin-1) ----
  'packages/platform/home/index': { identity: ADMIN, expectStatus: 'ready' },
  'packages/platform/applications/index': { identity: ADMIN, expectStatus: 'ready' },
  'packages/platform/shops/index': { identity: ADMIN, expectStatus: 'ready' },
  'packages/platform/categories/index': { identity: ADMIN, expectStatus: 'ready' },
  'packages/platform/banners/index': { identity: ADMIN, expectStatus: 'ready' },
  'packages/platform/finance/index': {
    identity: ADMIN,
    expectStatus: 'ready',
    async prepare(mall) {
      await settleOnce(mall);
      const balance = await mall.as(MERCHANT).ok('finance', 'balance', { shopId: SHOP });
      const pending = await mall.as(ADMIN).ok('finance', 'listWithdrawals', { status: 'requested' });
      if (!pending.items.length && balance.availableFen > 0) await mall.as(MERCHANT).ok('finance', 'requestWithdrawal', { shopId: SHOP, amountFen: balance.availableFen });
      return { maskText: ID_MASKS };
    },
  },
  'packages/platform/commission/index': {
    identity: ADMIN,
    expectStatus: 'ready',
    async prepare(mall) {
      await mall.as(ADMIN).ok('finance', 'setCommission', { defaultBps: 500, categories: [{ categoryId: 'cat-fruit', bps: 300 }] });
      return {};
    },
  },

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
