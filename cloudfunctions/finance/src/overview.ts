/** The platform's finance figures, summed by the database (aggregation), for platform admins. */
import type { FinanceOverview } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import { _, db } from '../../../server/cloud';
import type { ActionDef } from '../../../server/handler';
import { empty } from '../../../server/input';

const $ = db.command.aggregate;

async function sums(coll: string, match: Record<string, unknown>, by: string | null, fields: Record<string, string>): Promise<Array<Record<string, number | string | null>>> {
  const group: Record<string, unknown> = { _id: by ? `$${by}` : null, count: $.sum(1) };
  for (const [name, field] of Object.entries(fields)) group[name] = $.sum(`$${field}`);
  const res = await db.collection(coll).aggregate().match(match).group(group).limit(100).end();
  return res.list as Array<Record<string, number | string | null>>;
}

export const overview: ActionDef<Record<string, never>, FinanceOverview> = {
  input: empty,
  async run(_input, ctx) {
    await requirePlatformAdmin(ctx);
    const [gmv, byAccount, accounts, pending] = await Promise.all([
      sums('payments', { status: 'paid' }, null, { total: 'totalFen' }),
      sums('ledger_entries', { account: _.in(['platform_commission', 'platform_subsidy', 'shopper_refund']) }, 'account', { total: 'amountFen' }),
      sums('shop_accounts', {}, null, { available: 'availableFen', withdrawing: 'withdrawingFen' }),
      sums('withdrawals', { status: _.in(['requested', 'approved']) }, null, { total: 'amountFen' }),
    ]);
    const account = (name: string): number => Number(byAccount.find((r) => r._id === name)?.total ?? 0);
    return {
      gmvFen: Number(gmv[0]?.total ?? 0),
      refundedFen: account('shopper_refund'),
      commissionFen: account('platform_commission'),
      subsidyFen: -account('platform_subsidy'),
      shopBalancesFen: Number(accounts[0]?.available ?? 0) + Number(accounts[0]?.withdrawing ?? 0),
      pendingWithdrawals: { count: Number(pending[0]?.count ?? 0), amountFen: Number(pending[0]?.total ?? 0) },
    };
  },
};
