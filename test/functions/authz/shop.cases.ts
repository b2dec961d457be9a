/**
 * Authorisation cases of the shop admin function (`shop`): reads are open to the shop's owner and
 * staff even while suspended; goods writes to owner and staff of an active shop; settings and staff
 * management to the owner of an active shop only. Accepting an invite is open to any signed-in
 * user (it aims at a throwaway shop, so joining changes no other case's callers).
 */
import { seedGoods, seedShop } from '../../support/fixtures';
import { EVERYONE, OWNER_WRITE, SHOP_READ, SHOP_WRITE, type AuthzCase, type Target, type World } from './types';

async function goodsIn(w: World, t: Target, status: 'on_shelf' | 'off_shelf' = 'on_shelf'): Promise<string> {
  const goodsId = w.unique('authz-shop-goods');
  await seedGoods(w.mall.db, { _id: goodsId, shopId: t.shopId, categoryIds: [w.categoryId], status }, [{ _id: `${goodsId}-sku`, priceFen: 1000, stock: 10 }]);
  return goodsId;
}

const newGoods = (w: World, t: Target) => ({
  shopId: t.shopId,
  title: '授权测试商品',
  images: ['cloud://local-env.6c6f/authz.png'],
  categoryId: w.categoryId,
  specs: [],
  skus: [{ specValues: {}, priceFen: 1000, stock: 5 }],
});

export const cases: AuthzCase[] = [
  { fn: 'shop', action: 'overview', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'shop', action: 'listGoods', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'shop', action: 'getGoods', allow: SHOP_READ, payload: async (w, t) => ({ shopId: t.shopId, goodsId: await goodsIn(w, t) }) },
  { fn: 'shop', action: 'saveGoods', label: 'create', allow: SHOP_WRITE, payload: async (w, t) => newGoods(w, t) },
  {
    fn: 'shop',
    action: 'saveGoods',
    label: 'edit',
    allow: SHOP_WRITE,
    payload: async (w, t) => ({ ...newGoods(w, t), goodsId: await goodsIn(w, t), skus: [{ specValues: {}, priceFen: 900, stock: 12, baseStock: 10 }] }),
  },
  { fn: 'shop', action: 'setOnShelf', allow: SHOP_WRITE, payload: async (w, t) => ({ shopId: t.shopId, goodsId: await goodsIn(w, t, 'off_shelf'), onShelf: true }) },
  { fn: 'shop', action: 'getSettings', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'shop', action: 'saveSettings', allow: OWNER_WRITE, payload: async (w, t) => ({ shopId: t.shopId, name: t.shopId === w.shopA ? '甲店' : '丙店', logoUrl: '', announcement: '欢迎光临', bannerUrl: '' }) },
  { fn: 'shop', action: 'createInvite', allow: OWNER_WRITE, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'shop', action: 'listStaff', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  {
    fn: 'shop',
    action: 'removeStaff',
    allow: OWNER_WRITE,
    payload: async (w, t) => {
      const openid = w.unique('authz-removable-staff');
      await w.mall.db.collection('roles').add({ data: { _id: openid, platformAdmin: false, shops: [{ shopId: t.shopId, role: 'staff' }], updatedAt: new Date() } });
      return { shopId: t.shopId, openid };
    },
  },
  {
    fn: 'shop',
    action: 'acceptInvite',
    allow: [...EVERYONE],
    payload: async (w) => {
      const n = w.unique('invite').split('-').pop()!;
      const shopId = `authz-invite-shop-${n}`;
      await seedShop(w.mall.db, { _id: shopId, ownerOpenid: 'authz-invite-owner' });
      const code = `AZ${n.padStart(6, '0')}`;
      const now = new Date();
      await w.mall.db.collection('shop_invites').add({ data: { _id: code, shopId, role: 'staff', createdBy: 'authz-invite-owner', status: 'open', createdAt: now, expiresAt: new Date(now.getTime() + 3600_000) } });
      return { code };
    },
  },
];
