/**
 * Shop after-sale actions: owner and staff of the shop, and a suspended shop (refunds of its open
 * orders go on). Shopper actions act on the caller's own requests and are covered by aftersale.spec.ts.
 */
import { seedAfterSale } from './shop-orders-seed';
import { type AuthzCase, SHOP_READ } from './types';

export const cases: AuthzCase[] = [
  { fn: 'aftersale', action: 'shopList', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId, status: 'requested' }) },
  { fn: 'aftersale', action: 'shopDetail', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, id: (await seedAfterSale(w, t.shopId, 'refund_only', 'requested'))._id }) },
  { fn: 'aftersale', action: 'approve', label: 'refund only', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, id: (await seedAfterSale(w, t.shopId, 'refund_only', 'requested'))._id }) },
  { fn: 'aftersale', action: 'approve', label: 'return', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, id: (await seedAfterSale(w, t.shopId, 'return_refund', 'requested'))._id }) },
  { fn: 'aftersale', action: 'reject', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, id: (await seedAfterSale(w, t.shopId, 'refund_only', 'requested'))._id, reason: '不符合售后条件' }) },
  { fn: 'aftersale', action: 'confirmReturn', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, id: (await seedAfterSale(w, t.shopId, 'return_refund', 'returning'))._id }) },
];
