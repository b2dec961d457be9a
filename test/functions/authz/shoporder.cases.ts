/** Shop order actions: owner and staff of the shop, and a suspended shop (it still serves its open orders). */
import { seedOrder } from './shop-orders-seed';
import { type AuthzCase, SHOP_READ } from './types';

export const cases: AuthzCase[] = [
  { fn: 'shoporder', action: 'list', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId, status: 'paid' }) },
  { fn: 'shoporder', action: 'detail', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, orderId: (await seedOrder(w, t.shopId))._id }) },
  { fn: 'shoporder', action: 'ship', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, orderId: (await seedOrder(w, t.shopId))._id, carrier: '顺丰速运', trackingNo: 'SF123456' }) },
  { fn: 'shoporder', action: 'note', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, orderId: (await seedOrder(w, t.shopId))._id, note: '周末送达' }) },
];
