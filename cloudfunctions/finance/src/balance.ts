/** A shop's balance and statement (owner and staff, also while suspended). */
import { remainingShare, settlementSplit } from '../../../domain';
import type { Page, PageRequest, ShopBalanceView, StatementLineView } from '../../../miniprogram/contracts';
import { requireShopRole } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { currentCommissionRates, DEFAULT_COMMISSION_BPS } from '../../../server/ledger/commission-rates';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { balanceOfAccount } from './ledger-store';
import { settlementOrderOf } from './settlement-order';
import { statementLineView } from './views';

/** Orders that can still be settled: paid and not cancelled, closed or settled. */
const UNSETTLED = ['paid', 'shipped', 'completed'];
/** The estimate looks at this many unsettled orders at most. */
const ESTIMATE_LIMIT = 1000;

async function pendingEstimate(shopId: string): Promise<{ fen: number; orders: number }> {
  const orders = await repo.find('orders', { shopId, status: _.in(UNSETTLED), settledAt: _.exists(false) }, { limit: ESTIMATE_LIMIT });
  if (orders.length === 0) return { fen: 0, orders: 0 };
  const defaultBps = (await currentCommissionRates())?.defaultBps ?? DEFAULT_COMMISSION_BPS;
  const refundIds = orders.flatMap((o) => (o.ledgerRefundIds ?? []).map((r) => `refund:${r}:shopper`));
  const refunds = refundIds.length ? await repo.getMany('ledger_entries', refundIds) : new Map();
  let fen = 0;
  for (const o of orders) {
    const refunded = (o.ledgerRefundIds ?? []).reduce((sum, r) => sum + (refunds.get(`refund:${r}:shopper`)?.amountFen ?? 0), 0);
    try {
      const split = settlementSplit(settlementOrderOf(o, defaultBps));
      fen += remainingShare(split, Math.min(refunded, split.paidFen)).shopFen;
    } catch {
      // an order whose amounts do not add up is left out of the estimate (settlement logs it)
    }
  }
  return { fen, orders: orders.length };
}

export async function shopBalance(shopId: string, canWithdraw: boolean): Promise<ShopBalanceView> {
  const [account, pending] = await Promise.all([repo.get('shop_accounts', shopId), pendingEstimate(shopId)]);
  return { shopId, ...balanceOfAccount(account), pendingSettlementFen: pending.fen, pendingOrders: pending.orders, canWithdraw };
}

export const balance: ActionDef<{ shopId: string }, ShopBalanceView> = {
  input: obj({ shopId: id }, ['shopId']),
  async run(input, ctx) {
    const { role } = await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    return shopBalance(input.shopId, role === 'owner');
  },
};

/** Movements of the available balance, newest first. */
export const statements: ActionDef<PageRequest & { shopId: string }, Page<StatementLineView>> = {
  input: obj({ shopId: id, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) =>
      repo.find('ledger_entries', { shopId: input.shopId, account: 'shop_available' }, { orderBy: [['at', 'desc'], ['_id', 'desc']], skip, limit }),
    );
    return { items: page.items.map(statementLineView), nextCursor: page.nextCursor };
  },
};
