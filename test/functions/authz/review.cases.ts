/** Reviews as the shop sees them: listing and replying (serving customers: a suspended shop may). */
import type { AuthzCase, World } from './types';

async function seedReview(w: World, shopId: string): Promise<string> {
  const id = w.unique('authz-review');
  await w.mall.db.collection('reviews').add({
    data: { _id: id, orderId: w.unique('authz-order'), lineIndex: 0, goodsId: 'authz-goods', skuId: 'authz-sku', specText: '', shopId, openid: w.buyer, displayName: '张**', anonymous: false, stars: 4, text: '不错', photos: [], hasPhotos: false, createdAt: new Date() },
  });
  return id;
}

export const cases: AuthzCase[] = [
  { fn: 'review', action: 'shopList', allow: ['staff', 'owner', 'suspendedOwner'], payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'review', action: 'reply', allow: ['staff', 'owner', 'suspendedOwner'], payload: async (w, t) => ({ shopId: t.shopId, reviewId: await seedReview(w, t.shopId), text: '感谢您的评价' }) },
  {
    fn: 'review',
    action: 'reply',
    label: 'naming its own shop but another shop\'s review',
    allow: [],
    payload: async (w, t) => ({ shopId: t.shopId, reviewId: await seedReview(w, w.shopB), text: '感谢您的评价' }),
  },
];
