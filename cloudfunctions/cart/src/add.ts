/**
 * Adding a SKU to the cart. Concurrent adds of the same SKU (a double tap, two devices) must end in
 * one line holding every increment, so the line has a deterministic id (openid + skuId) and:
 *   1. a conditional atomic update `quantity += n where quantity <= cap - n` grows an existing line;
 *   2. when nothing matched and no line exists, the line is inserted; if a concurrent add inserted
 *      it first (duplicate id), go back to 1. A new line is counted against CART_MAX_LINES and
 *      inserted under the shopper's lock (server/user-lock.ts), so adds of different SKUs at once
 *      cannot pass the limit together.
 * Neither step reads then writes the quantity, so no increment is lost and no second line appears.
 */
import { CART_MAX_LINES, type CartView } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail } from '../../../server/failure';
import type { ActionDef, CallContext } from '../../../server/handler';
import { id, obj, quantity } from '../../../server/input';
import type { SkuDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { withUserLock } from '../../../server/user-lock';
import { cartLineId, MAX_LINE_QUANTITY } from './cart-lines';
import { cartView } from './cart-view';

const ATTEMPTS = 4;

/** The SKU when a shopper may buy it now; otherwise the reason as a failure. */
export async function purchasableSku(skuId: string): Promise<SkuDoc> {
  const sku = (await repo.get('skus', skuId)) ?? fail('SKU_NOT_FOUND', '该商品规格不存在');
  const [goods, shop] = await Promise.all([repo.get('goods', sku.goodsId), repo.get('shops', sku.shopId)]);
  if (!goods) return fail('SKU_NOT_FOUND', '该商品规格不存在');
  if (goods.status !== 'on_shelf') fail('GOODS_OFF_SHELF', '商品已下架');
  if (shop?.status !== 'active') fail('GOODS_OFF_SHELF', '店铺暂停营业，商品暂不可购买');
  if (sku.stock <= 0) fail('OUT_OF_STOCK', '商品已售罄');
  return sku;
}

/** Why `adding` more pieces cannot join a line already holding `inCart`. */
function refuse(inCart: number, adding: number, stock: number): never {
  const cap = Math.min(MAX_LINE_QUANTITY, stock);
  const details = { inCart, maxAddable: Math.max(0, cap - inCart), stock };
  if (inCart + adding > MAX_LINE_QUANTITY) return fail('INVALID_QUANTITY', `每件商品最多购买${MAX_LINE_QUANTITY}件，购物车中已有${inCart}件`, details);
  return fail('OUT_OF_STOCK', inCart > 0 ? `库存仅剩${stock}件，购物车中已有${inCart}件` : `库存仅剩${stock}件`, details);
}

async function addToLine(ctx: CallContext, sku: SkuDoc, n: number): Promise<void> {
  const cap = Math.min(MAX_LINE_QUANTITY, sku.stock);
  if (n > cap) refuse(0, n, sku.stock);
  const lineId = cartLineId(ctx.openid, sku._id);
  const now = new Date(ctx.now);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const grown = await repo.update('carts', lineId, { quantity: _.inc(n), selected: true, updatedAt: now }, { openid: ctx.openid, quantity: _.lte(cap - n) });
    if (grown) return;
    const line = await repo.get('carts', lineId);
    if (line) {
      if (line.quantity + n > cap) refuse(line.quantity, n, sku.stock);
      continue; // the line shrank in between: try the update again
    }
    // a new line: counted and inserted under the shopper's lock, so the line limit is hard
    const inserted = await withUserLock(ctx.openid, async () => {
      if ((await repo.count('carts', { openid: ctx.openid })) >= CART_MAX_LINES) fail('CART_FULL', `购物车最多放${CART_MAX_LINES}种商品，请先清理`);
      try {
        await repo.insert('carts', { _id: lineId, openid: ctx.openid, skuId: sku._id, goodsId: sku.goodsId, shopId: sku.shopId, quantity: n, selected: true, addedAt: now, updatedAt: now });
        return true;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return false; // a concurrent add of the same SKU created the line: grow it instead
      }
    });
    if (inserted) return;
  }
  fail('CONFLICT', '购物车正忙，请重试');
}

/** Adds pieces of a SKU (merging into its line), then returns the whole cart. */
export const add: ActionDef<{ skuId: string; quantity: number }, CartView> = {
  input: obj({ skuId: id, quantity }, ['skuId', 'quantity']),
  async run({ skuId, quantity: n }, ctx) {
    const sku = await purchasableSku(skuId);
    await addToLine(ctx, sku, n);
    return cartView(ctx.openid);
  },
};
