/**
 * Finance: shop reads (balance, statements, withdrawals) for the shop's owner and staff, also while
 * suspended; withdrawal requests for the owner only, also while suspended (money already earned;
 * every payout still needs a platform admin); commission, the withdrawal queue and the overview
 * for platform admins only.
 */
import { ADMIN_ONLY, type AuthzCase, SHOP_READ, type World } from './types';

/** Credits `fen` to a shop as a settlement would: a ledger entry and the shop's account, in step. */
async function fund(w: World, shopId: string, fen: number): Promise<void> {
  const db = w.mall.db;
  const orderId = w.unique('fin-order');
  await db.collection('ledger_entries').add({ data: { _id: `settle:${orderId}:shop`, kind: 'order_settled', account: 'shop_available', shopId, orderId, paymentId: orderId, amountFen: fen, at: new Date() } });
  const [account] = (await db.collection('shop_accounts').where({ _id: shopId }).get()).data;
  await db
    .collection('shop_accounts')
    .doc(shopId)
    .set({ data: { availableFen: (account?.availableFen ?? 0) + fen, withdrawingFen: account?.withdrawingFen ?? 0, paidOutFen: account?.paidOutFen ?? 0, updatedAt: new Date() } });
}

/** A withdrawal of shop A requested by its owner through the function. */
async function requested(w: World): Promise<string> {
  await fund(w, w.shopA, 100);
  const r = await w.mall.as(w.openid.owner).ok('finance', 'requestWithdrawal', { shopId: w.shopA, amountFen: 100 });
  return r.withdrawal.id;
}

export const cases: AuthzCase[] = [
  { fn: 'finance', action: 'balance', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'finance', action: 'statements', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  { fn: 'finance', action: 'myWithdrawals', allow: SHOP_READ, payload: async (_w, t) => ({ shopId: t.shopId }) },
  {
    fn: 'finance',
    action: 'requestWithdrawal',
    allow: ['owner', 'suspendedOwner'],
    payload: async (w, t) => {
      await fund(w, t.shopId, 50);
      return { shopId: t.shopId, amountFen: 50 };
    },
  },
  { fn: 'finance', action: 'getCommission', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'finance', action: 'setCommission', allow: ADMIN_ONLY, payload: async (w) => ({ defaultBps: 500, categories: [{ categoryId: w.categoryId, bps: 800 }] }) },
  { fn: 'finance', action: 'overview', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'finance', action: 'listWithdrawals', allow: ADMIN_ONLY, payload: async () => ({ status: 'requested' }) },
  { fn: 'finance', action: 'approveWithdrawal', allow: ADMIN_ONLY, payload: async (w) => ({ id: await requested(w) }) },
  { fn: 'finance', action: 'rejectWithdrawal', allow: ADMIN_ONLY, payload: async (w) => ({ id: await requested(w), reason: '收款账户有误' }) },
  {
    fn: 'finance',
    action: 'markWithdrawalPaid',
    allow: ADMIN_ONLY,
    payload: async (w) => {
      const id = await requested(w);
      await w.mall.as(w.openid.admin).ok('finance', 'approveWithdrawal', { id });
      return { id, reference: 'T20261122' };
    },
  },
];
