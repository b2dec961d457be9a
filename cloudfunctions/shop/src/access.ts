import type { ShopRole } from '../../../miniprogram/contracts';
import { requireShopRole, type ShopAccess } from '../../../server/auth';
import { notFound } from '../../../server/failure';
import type { CallContext } from '../../../server/handler';
import type { GoodsDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

const ANY_ROLE: ShopRole[] = ['owner', 'staff'];

/** Owner or staff may look, even while the shop is suspended. */
export const canRead = (ctx: CallContext, shopId: string): Promise<ShopAccess> => requireShopRole(ctx, shopId, ANY_ROLE, 'read');
/** Owner or staff may change goods; refused while suspended. */
export const canWrite = (ctx: CallContext, shopId: string): Promise<ShopAccess> => requireShopRole(ctx, shopId, ANY_ROLE, 'write');
/** Only the owner (settings, staff); refused while suspended. */
export const ownerWrites = (ctx: CallContext, shopId: string): Promise<ShopAccess> => requireShopRole(ctx, shopId, ['owner'], 'write');

/** A goods item of this shop; another shop's goods is indistinguishable from a missing one. */
export async function ownGoods(shopId: string, goodsId: string): Promise<GoodsDoc> {
  const goods = await repo.get('goods', goodsId);
  if (!goods || goods.shopId !== shopId) return notFound('商品');
  return goods;
}
