import type { Page, PageRequest, ShopOrderDetail, ShopOrderFilter, ShopOrderSummary } from '../../../miniprogram/contracts';
import { AFTER_SALE_STATES, isOpenAfterSale, ORDER_STATES, orderMachine } from '../../../domain';
import { requireShopRole } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { detailOf, shopOrder } from './shop-order';
import { shopOrderSummary } from './views';

const FILTERS: ShopOrderFilter[] = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'cancelled'];

/** The "cancelled" tab shows orders that ended without delivery: cancelled unpaid, and closed (refunded). */
function statusQuery(filter: ShopOrderFilter): Record<string, unknown> {
  if (filter === 'all') return {};
  if (filter === 'cancelled') return { status: _.in([orderMachine.transitions.cancel.to, orderMachine.transitions.cancelPaid.to]) };
  return { status: ORDER_STATES.find((s) => s === filter) };
}

const OPEN = AFTER_SALE_STATES.filter(isOpenAfterSale);

/** This shop's orders by state, newest first (index by_shop_status, or by_shop_created for all). */
export const list: ActionDef<PageRequest & { shopId: string; status?: ShopOrderFilter }, Page<ShopOrderSummary>> = {
  input: obj({ shopId: id, status: { enum: FILTERS }, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) =>
      repo.find('orders', { shopId: input.shopId, ...statusQuery(input.status ?? 'all') }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit }),
    );
    const ids = page.items.map((o) => o._id);
    const open = ids.length ? await repo.find('after_sales', { orderId: _.in(ids), status: _.in(OPEN) }, { limit: 100, fields: { orderId: true } }) : [];
    return { items: page.items.map((o) => shopOrderSummary(o, open.filter((a) => a.orderId === o._id).length)), nextCursor: page.nextCursor };
  },
};

/** One order of the shop, with the buyer's address for shipping. */
export const detail: ActionDef<{ shopId: string; orderId: string }, ShopOrderDetail> = {
  input: obj({ shopId: id, orderId: id }, ['shopId', 'orderId']),
  async run(input, ctx) {
    return detailOf(await shopOrder(ctx, input.shopId, input.orderId), ctx.now);
  },
};
