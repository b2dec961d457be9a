/**
 * Withdrawals (domain/ledger/withdrawal.ts): the shop owner requests, a platform admin approves,
 * rejects (the hold returns to the available balance) or marks paid with the real transfer's
 * reference. Requests are owner-only and allowed while the shop is suspended: the money was earned
 * by orders already served, and every payout still needs an admin's approval, which is where a
 * suspended shop under investigation is held back.
 */
import { rejectWithdrawal as rejectRule, markWithdrawalPaid as paidRule, requestWithdrawal as requestRule, withdrawalMachine, type Withdrawal } from '../../../domain';
import type { Page, PageRequest, ShopBalanceView, WithdrawalStatus, WithdrawalView } from '../../../miniprogram/contracts';
import { requirePlatformAdmin, requireShopRole } from '../../../server/auth';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { newId } from '../../../server/ids';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { WithdrawalDoc } from '../../../server/model';
import { readPage } from '../../../server/paging';
import { inTransaction, repo } from '../../../server/repo';
import { shopBalance } from './balance';
import { balanceOfAccount, writeEntries } from './ledger-store';
import { withdrawalView } from './views';

const STATUSES: WithdrawalStatus[] = ['requested', 'approved', 'paid', 'rejected'];
const nonBlank = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });

const ruleOf = (d: WithdrawalDoc): Withdrawal => ({ id: d._id, shopId: d.shopId, amountFen: d.amountFen, state: d.status });

function stateInvalid(d: WithdrawalDoc): never {
  return fail('WITHDRAWAL_STATE_INVALID', '提现单状态已变化，请刷新', { status: d.status });
}

async function load(withdrawalId: string): Promise<WithdrawalDoc> {
  const d = await repo.get('withdrawals', withdrawalId);
  return d ?? fail('NOT_FOUND', '提现单不存在');
}

async function withShopName(d: WithdrawalDoc): Promise<WithdrawalView> {
  return withdrawalView(d, (await repo.get('shops', d.shopId))?.name);
}

/**
 * Holds `amountFen` of the available balance (INVALID_ARGUMENT under 1 fen, INSUFFICIENT_BALANCE
 * above it). Balance check and hold are one transaction on the shop's account document, so two
 * concurrent requests cannot both spend the same money: the second re-runs on the lowered balance.
 */
export const requestWithdrawal: ActionDef<{ shopId: string; amountFen: number }, { withdrawal: WithdrawalView; balance: ShopBalanceView }> = {
  input: obj({ shopId: id, amountFen: { type: 'integer', minimum: 1, maximum: 100_000_000_00 } }, ['shopId', 'amountFen']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner'], 'read');
    const withdrawalId = newId();
    const at = new Date(ctx.now);
    const outcome = await inTransaction(async (tx) => {
      const balance = balanceOfAccount(await tx.get('shop_accounts', input.shopId));
      const out = requestRule({ withdrawalId, shopId: input.shopId, balance, amountFen: input.amountFen, now: ctx.now });
      if (!out.ok) return out;
      const doc: WithdrawalDoc = { _id: withdrawalId, shopId: input.shopId, amountFen: input.amountFen, status: 'requested', requestedBy: ctx.openid, createdAt: at, updatedAt: at };
      await tx.insert('withdrawals', doc);
      await writeEntries(tx, out.value.entries, ctx.now);
      return { ok: true as const, doc };
    });
    if (!outcome.ok) {
      return fail(outcome.code === 'INSUFFICIENT_BALANCE' ? 'INSUFFICIENT_BALANCE' : 'INVALID_ARGUMENT', outcome.code === 'INSUFFICIENT_BALANCE' ? '可提现余额不足' : '提现金额无效', outcome.details as Record<string, unknown> | undefined);
    }
    logEvent('withdrawal_requested', { withdrawalId, shopId: input.shopId, amountFen: input.amountFen });
    return { withdrawal: withdrawalView(outcome.doc), balance: await shopBalance(input.shopId, true) };
  },
};

/** The shop's withdrawals, newest first (owner and staff). */
export const myWithdrawals: ActionDef<PageRequest & { shopId: string }, Page<WithdrawalView>> = {
  input: obj({ shopId: id, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('withdrawals', { shopId: input.shopId }, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip, limit }));
    return { items: page.items.map((d) => withdrawalView(d)), nextCursor: page.nextCursor };
  },
};

/** Every shop's withdrawals for the admin queue: `requested` oldest first, others newest first. */
export const listWithdrawals: ActionDef<PageRequest & { status?: WithdrawalStatus }, Page<WithdrawalView>> = {
  input: obj({ status: { enum: STATUSES }, cursor, pageSize }),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const query = input.status ? { status: input.status } : {};
    const dir = input.status === 'requested' ? 'asc' : 'desc';
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('withdrawals', query, { orderBy: [['createdAt', dir], ['_id', dir]], skip, limit }));
    const shops = await repo.getMany('shops', page.items.map((d) => d.shopId));
    return { items: page.items.map((d) => withdrawalView(d, shops.get(d.shopId)?.name)), nextCursor: page.nextCursor };
  },
};

/** requested → approved (moves no money); a repeat answers the approved withdrawal. */
export const approveWithdrawal: ActionDef<{ id: string }, WithdrawalView> = {
  input: obj({ id }, ['id']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const d = await load(input.id);
    if (d.status === 'approved') return withShopName(d);
    if (!withdrawalMachine.can(d.status, 'approve')) stateInvalid(d);
    const at = new Date(ctx.now);
    const moved = await repo.update('withdrawals', d._id, { status: 'approved', approvedAt: at, approvedBy: ctx.openid, updatedAt: at }, { status: d.status });
    const now = await load(input.id);
    if (!moved && now.status !== 'approved') stateInvalid(now);
    return withShopName(now);
  },
};

/** Applies a money-moving step (reject, markPaid) in one transaction with its entries. */
async function step(withdrawalId: string, target: 'rejected' | 'paid', patch: Partial<WithdrawalDoc>, now: number): Promise<WithdrawalDoc> {
  const result = await inTransaction(async (tx) => {
    const d = await tx.get('withdrawals', withdrawalId);
    if (!d) return { kind: 'missing' as const };
    if (d.status === target) return { kind: 'done' as const, d };
    const out = target === 'rejected' ? rejectRule(ruleOf(d), now) : paidRule(ruleOf(d), now);
    if (!out.ok) return { kind: 'invalid' as const, d };
    await tx.update('withdrawals', withdrawalId, { status: target, ...patch, updatedAt: new Date(now) });
    await writeEntries(tx, out.value.entries, now);
    return { kind: 'moved' as const, d: { ...d, status: target, ...patch } as WithdrawalDoc };
  });
  if (result.kind === 'missing') fail('NOT_FOUND', '提现单不存在');
  if (result.kind === 'invalid') stateInvalid(result.d);
  return (result as { d: WithdrawalDoc }).d;
}

/** requested or approved → rejected; the held amount returns to the available balance. */
export const rejectWithdrawal: ActionDef<{ id: string; reason: string }, WithdrawalView> = {
  input: obj({ id, reason: nonBlank(100) }, ['id', 'reason']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const d = await step(input.id, 'rejected', { rejectedAt: new Date(ctx.now), rejectedBy: ctx.openid, reason: input.reason.trim() }, ctx.now);
    return withShopName(d);
  },
};

/**
 * approved → paid, recording the reference of the real transfer (WeChat Pay merchant transfer or
 * profit-sharing order number, or bank reference) made outside the mini-program; see README.
 */
export const markWithdrawalPaid: ActionDef<{ id: string; reference: string }, WithdrawalView> = {
  input: obj({ id, reference: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_\\-]+$' } }, ['id', 'reference']),
  async run(input, ctx) {
    await requirePlatformAdmin(ctx);
    const d = await step(input.id, 'paid', { paidAt: new Date(ctx.now), paidBy: ctx.openid, reference: input.reference }, ctx.now);
    return withShopName(d);
  },
};
