import type { OrderListFilter, OrderSummary, Page, PageRequest } from '../../../../miniprogram/contracts';
import { ORDER_STATES, orderMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import type { ActionDef } from '../../../../server/handler';
import { cursor, obj, pageSize } from '../../../../server/input';
import { readPage } from '../../../../server/paging';
import { repo } from '../../../../server/repo';
import { summaryView } from '../views/order-views';

const FILTERS: OrderListFilter[] = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'cancelled'];

/** The "cancelled" tab shows every order that ended without delivery: cancelled unpaid, and closed (refunded). */
function statusQuery(filter: OrderListFilter): Record<string, unknown> {
  if (filter === 'all') return {};
  if (filter === 'cancelled') return { status: _.in([orderMachine.transitions.cancel.to, orderMachine.transitions.cancelPaid.to]) };
  return { status: ORDER_STATES.find((s) => s === filter) };
}

export const list: ActionDef<PageRequest & { status: OrderListFilter }, Page<OrderSummary>> = {
  input: obj({ status: { enum: FILTERS }, cursor, pageSize }, ['status']),
  async run(input, ctx) {
    return readPage(input.cursor, input.pageSize, async (skip, limit) => {
      const docs = await repo.find('orders', { openid: ctx.openid, ...statusQuery(input.status) }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit });
      return docs.map(summaryView);
    });
  },
};
