import { CART_MAX_LINES, type CartView } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, ids, obj, quantity } from '../../../server/input';
import { repo } from '../../../server/repo';
import { assertOwnLines, ownLine } from './cart-lines';
import { cartView } from './cart-view';

/**
 * Sets a line's quantity. Lowering is always allowed (a line above the stock is fixed that way);
 * raising is refused beyond the SKU's current stock.
 */
export const setQuantity: ActionDef<{ lineId: string; quantity: number }, CartView> = {
  input: obj({ lineId: id, quantity }, ['lineId', 'quantity']),
  async run({ lineId, quantity: n }, ctx) {
    const line = await ownLine(ctx.openid, lineId);
    const sku = (await repo.get('skus', line.skuId)) ?? fail('SKU_NOT_FOUND', '该商品规格已不存在，请删除后重新选择');
    if (n > line.quantity && n > sku.stock) fail('OUT_OF_STOCK', `库存仅剩${sku.stock}件`, { stock: sku.stock });
    await repo.update('carts', line._id, { quantity: n, updatedAt: new Date(ctx.now) }, { openid: ctx.openid });
    return cartView(ctx.openid);
  },
};

/** Removes lines; when any id is not one of the caller's lines nothing is removed. */
export const remove: ActionDef<{ lineIds: string[] }, CartView> = {
  input: obj({ lineIds: ids(CART_MAX_LINES) }, ['lineIds']),
  async run({ lineIds }, ctx) {
    const own = await assertOwnLines(ctx.openid, lineIds);
    await repo.remove('carts', { openid: ctx.openid, _id: _.in(own) });
    return cartView(ctx.openid);
  },
};

/** Ticks or unticks lines for checkout (`'all'`: every line of the caller). */
export const select: ActionDef<{ lineIds: string[] | 'all'; selected: boolean }, CartView> = {
  input: obj({ lineIds: { anyOf: [{ type: 'string', const: 'all' }, ids(CART_MAX_LINES)] }, selected: { type: 'boolean' } }, ['lineIds', 'selected']),
  async run({ lineIds, selected }, ctx) {
    const query = lineIds === 'all' ? { openid: ctx.openid } : { openid: ctx.openid, _id: _.in(await assertOwnLines(ctx.openid, lineIds)) };
    await repo.updateWhere('carts', query, { selected, updatedAt: new Date(ctx.now) });
    return cartView(ctx.openid);
  },
};
