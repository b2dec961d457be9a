import { CART_MAX_LINES } from '../../../miniprogram/contracts';
import { _ } from '../../../server/cloud';
import { fail } from '../../../server/failure';
import { stableId } from '../../../server/ids';
import type { CartDoc } from '../../../server/model';
import { repo } from '../../../server/repo';

/** Most pieces of one SKU in one line (the carts schema allows no more). */
export const MAX_LINE_QUANTITY = 999;

/**
 * A cart holds at most {@link CART_MAX_LINES} lines (a hard limit: new lines are added under the
 * shopper's lock); reads allow twice that for carts filled before the limit was hard.
 */
export const LINES_READ_LIMIT = 2 * CART_MAX_LINES;

/** The id of a shopper's line for a SKU: deterministic, so concurrent adds meet on one document. */
export const cartLineId = (openid: string, skuId: string): string => stableId('cart', openid, skuId);

/** The shopper's lines, newest first (a re-added SKU keeps its place). */
export function ownLines(openid: string, fields?: Record<string, boolean>): Promise<CartDoc[]> {
  return repo.find('carts', { openid }, { orderBy: [['addedAt', 'desc'], ['_id', 'asc']], limit: LINES_READ_LIMIT, ...(fields ? { fields } : {}) });
}

/** One of the caller's lines; another shopper's line is indistinguishable from a missing one. */
export async function ownLine(openid: string, lineId: string): Promise<CartDoc> {
  const [line] = await repo.find('carts', { _id: lineId, openid }, { limit: 1 });
  return line ?? fail('NOT_FOUND', '购物车中没有这件商品');
}

/** Fails with NOT_FOUND, before anything changes, unless every id is one of the caller's lines. */
export async function assertOwnLines(openid: string, lineIds: string[]): Promise<string[]> {
  const ids = [...new Set(lineIds)];
  const found = await repo.find('carts', { openid, _id: _.in(ids) }, { fields: { _id: true }, limit: ids.length });
  if (found.length !== ids.length) fail('NOT_FOUND', '购物车中没有这件商品');
  return ids;
}
