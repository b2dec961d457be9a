import { requireShopRole } from '../../../server/auth';
import { notFound } from '../../../server/failure';
import type { CallContext } from '../../../server/handler';
import type { AfterSaleDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** The caller's own request; another shopper's is indistinguishable from a missing one. */
export async function ownAfterSale(ctx: CallContext, id: string): Promise<AfterSaleDoc> {
  const a = await repo.get('after_sales', id);
  return a && a.openid === ctx.openid ? a : notFound('售后申请');
}

/**
 * A request of the caller's shop: owner or staff of `shopId`, in read mode (a suspended shop
 * still serves its open orders, their after-sales and refunds included); another shop's request
 * is NOT_FOUND.
 */
export async function shopAfterSale(ctx: CallContext, shopId: string, id: string): Promise<AfterSaleDoc> {
  await requireShopRole(ctx, shopId, ['owner', 'staff'], 'read');
  const a = await repo.get('after_sales', id);
  return a && a.shopId === shopId ? a : notFound('售后申请');
}

export async function reread(id: string, fallback: AfterSaleDoc): Promise<AfterSaleDoc> {
  return (await repo.get('after_sales', id)) ?? fallback;
}
