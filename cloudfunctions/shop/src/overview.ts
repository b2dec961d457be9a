import { DEFAULT_LOW_STOCK_THRESHOLD, type ShopOverview } from '../../../miniprogram/contracts';
import { _, db } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import { repo } from '../../../server/repo';
import { canRead } from './access';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The Beijing calendar day holding `now`, as a half-open UTC range. */
export function beijingDay(now: number): { start: Date; end: Date } {
  const start = Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}

/** After-sale states in which the shop has to act: review the request, or receive the return. */
export const AFTER_SALE_WAITING = ['requested', 'returning'];

async function paidToday(shopId: string, now: number): Promise<{ n: number; fen: number }> {
  const { start, end } = beijingDay(now);
  const $ = _.aggregate;
  const res = await db
    .collection('orders')
    .aggregate()
    .match({ shopId, paidAt: _.gte(start).and(_.lt(end)) })
    .group({ _id: null, n: $.sum(1), fen: $.sum('$payFen') })
    .limit(1)
    .end();
  const row = (res.list as Array<{ n: number; fen: number }>)[0];
  return { n: row?.n ?? 0, fen: row?.fen ?? 0 };
}

/** SKUs at or below their own threshold (the default for SKUs without one): a field comparison, so an aggregate. */
async function lowStockCount(shopId: string): Promise<number> {
  const $ = _.aggregate;
  const res = await db
    .collection('skus')
    .aggregate()
    .match({ shopId })
    .match(_.expr($.lte(['$stock', $.ifNull(['$lowStockThreshold', DEFAULT_LOW_STOCK_THRESHOLD])])))
    .count('n')
    .end();
  return (res.list as Array<{ n: number }>)[0]?.n ?? 0;
}

function collectionMissing(e: unknown): boolean {
  const { message, errMsg, errCode, code } = (e ?? {}) as Record<string, unknown>;
  return /DATABASE_COLLECTION_NOT_EXIST|-502005|not exist/i.test([message, errMsg, errCode, code].map(String).join(' '));
}

/** Requests waiting for the shop; 0 while the after-sale collection does not exist yet. */
async function afterSalesWaiting(shopId: string): Promise<number> {
  try {
    const res = await db.collection('after_sales').where({ shopId, status: _.in(AFTER_SALE_WAITING) }).count();
    return res.total as number;
  } catch (e) {
    if (collectionMissing(e)) return 0;
    logEvent('overview_after_sales_failed', { shopId, error: (e as Error)?.message ?? String(e) });
    throw e;
  }
}

/** The shop's day at a glance: today's paid orders, what waits for the shop, low stock. */
export const overview: ActionDef<{ shopId: string }, ShopOverview> = {
  input: obj({ shopId: id }, ['shopId']),
  async run({ shopId }, ctx) {
    const { shop, role } = await canRead(ctx, shopId);
    const [today, toShip, waiting, lowStock] = await Promise.all([paidToday(shopId, ctx.now), repo.count('orders', { shopId, status: 'paid' }), afterSalesWaiting(shopId), lowStockCount(shopId)]);
    return {
      shop: { id: shop._id, name: shop.name, status: shop.status, logoUrl: shop.logoUrl },
      role,
      todayOrders: today.n,
      todayPaidFen: today.fen,
      toShip,
      afterSalesWaiting: waiting,
      lowStockSkus: lowStock,
    };
  },
};
