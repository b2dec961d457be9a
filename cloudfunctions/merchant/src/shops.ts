import type { MyShop, ShopSummary } from '../../../miniprogram/contracts';
import { loadRoles, requirePlatformAdmin } from '../../../server/auth';
import { notFound } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { empty, id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { ShopDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { myShopView, shopSummary } from './views';

/**
 * Moves a shop between active and suspended (compare-and-set on the status, so repeats change
 * nothing). A suspended shop's goods leave the catalog (which excludes suspended shops), its staff
 * can no longer change anything (`requireShopRole` in write mode), and its open orders go on.
 */
function setStatus(from: ShopDoc['status'], to: ShopDoc['status']): ActionDef<{ shopId: string }, ShopSummary> {
  return {
    input: obj({ shopId: id }, ['shopId']),
    async run(input, ctx) {
      await requirePlatformAdmin(ctx);
      if (await repo.update('shops', input.shopId, { status: to, updatedAt: new Date(ctx.now) }, { status: from })) {
        logEvent(to === 'suspended' ? 'shop_suspended' : 'shop_reinstated', { shopId: input.shopId, by: ctx.openid });
      }
      const shop = (await repo.get('shops', input.shopId)) ?? notFound('店铺');
      return shopSummary(shop);
    },
  };
}

export const suspend = setStatus('active', 'suspended');
export const reinstate = setStatus('suspended', 'active');

/** The caller's shops with their role in each, and whether they are a platform admin. */
export const mine: ActionDef<Record<string, never>, { platformAdmin: boolean; shops: MyShop[] }> = {
  input: empty,
  async run(_input, ctx) {
    const roles = await loadRoles(ctx.openid);
    const shops = await repo.getMany('shops', roles.shops.map((s) => s.shopId));
    return { platformAdmin: roles.platformAdmin, shops: roles.shops.filter((s) => shops.has(s.shopId)).map((s) => myShopView(shops.get(s.shopId)!, s.role)) };
  },
};
