/**
 * The ledger entries of a shop's withdrawal (its states are in `withdrawal-machine.ts`).
 *
 * - Request: `shop_available` -amount, `shop_withdrawing` +amount, so the money cannot be
 *   withdrawn twice while the request waits. The amount must be a whole number of fen of at least
 *   1 (`INVALID_AMOUNT`) and at most the available balance (`INSUFFICIENT_BALANCE`; a negative
 *   balance allows nothing).
 * - Approval moves no money.
 * - Paid: `shop_withdrawing` -amount, `shop_paid_out` +amount.
 * - Rejected: `shop_withdrawing` -amount, `shop_available` +amount.
 *
 * The entries of each step sum to 0 and have keys `withdrawal:<id>:<step>:<account>`. The handler
 * reads the balance and writes the request in one transaction, so two concurrent requests cannot
 * both spend the same balance.
 */
import { fail, ok, Outcome } from '../result';
import { assertMillis } from '../time';
import { LedgerAccount, LedgerEntry, LedgerEntryKind, ShopBalance } from './ledger-entry';
import { withdrawalMachine, WithdrawalState } from './withdrawal-machine';

/** A withdrawal as stored. */
export interface Withdrawal {
  readonly id: string;
  readonly shopId: string;
  readonly amountFen: number;
  readonly state: WithdrawalState;
}

/** A failure code of {@link requestWithdrawal}. */
export type WithdrawalRequestCode = 'INVALID_AMOUNT' | 'INSUFFICIENT_BALANCE';

function move(
  w: { readonly id: string; readonly shopId: string; readonly amountFen: number },
  kind: LedgerEntryKind,
  step: string,
  from: LedgerAccount,
  to: LedgerAccount,
  now: number,
): LedgerEntry[] {
  assertMillis(now, 'now');
  const base = { kind, shopId: w.shopId, withdrawalId: w.id, at: now };
  const short = (account: LedgerAccount): string => account.replace(/^shop_/, '');
  return [
    { ...base, id: `withdrawal:${w.id}:${step}:${short(from)}`, account: from, amountFen: -w.amountFen },
    { ...base, id: `withdrawal:${w.id}:${step}:${short(to)}`, account: to, amountFen: w.amountFen },
  ];
}

/** Returns the new withdrawal and its entries, or why the shop cannot withdraw `amountFen` now. */
export function requestWithdrawal(input: {
  readonly withdrawalId: string;
  readonly shopId: string;
  readonly balance: ShopBalance;
  readonly amountFen: number;
  readonly now: number;
}): Outcome<{ readonly withdrawal: Withdrawal; readonly entries: LedgerEntry[] }, WithdrawalRequestCode> {
  const { withdrawalId, shopId, balance, amountFen, now } = input;
  if (!Number.isSafeInteger(amountFen) || amountFen < 1) {
    return fail('INVALID_AMOUNT', 'a withdrawal must be a whole number of fen, at least 1', {
      amountFen: Number.isFinite(amountFen) ? amountFen : String(amountFen),
    });
  }
  if (amountFen > balance.availableFen) {
    return fail('INSUFFICIENT_BALANCE', 'the withdrawal exceeds the available balance', { amountFen, availableFen: balance.availableFen });
  }
  const withdrawal: Withdrawal = { id: withdrawalId, shopId, amountFen, state: 'requested' };
  return ok({ withdrawal, entries: move(withdrawal, 'withdrawal_requested', 'requested', 'shop_available', 'shop_withdrawing', now) });
}

/** Returns the approved withdrawal (no money moves), or `INVALID_TRANSITION`. */
export function approveWithdrawal(w: Withdrawal): Outcome<{ readonly withdrawal: Withdrawal; readonly entries: LedgerEntry[] }, 'INVALID_TRANSITION'> {
  const next = withdrawalMachine.next(w.state, 'approve');
  if (!next.ok) return next;
  return ok({ withdrawal: { ...w, state: next.value }, entries: [] });
}

/** Returns the paid withdrawal and its entries, or `INVALID_TRANSITION` unless it was approved. */
export function markWithdrawalPaid(w: Withdrawal, now: number): Outcome<{ readonly withdrawal: Withdrawal; readonly entries: LedgerEntry[] }, 'INVALID_TRANSITION'> {
  const next = withdrawalMachine.next(w.state, 'markPaid');
  if (!next.ok) return next;
  return ok({ withdrawal: { ...w, state: next.value }, entries: move(w, 'withdrawal_paid', 'paid', 'shop_withdrawing', 'shop_paid_out', now) });
}

/** Returns the rejected withdrawal and the entries giving the amount back, or `INVALID_TRANSITION`. */
export function rejectWithdrawal(w: Withdrawal, now: number): Outcome<{ readonly withdrawal: Withdrawal; readonly entries: LedgerEntry[] }, 'INVALID_TRANSITION'> {
  const next = withdrawalMachine.next(w.state, 'reject');
  if (!next.ok) return next;
  return ok({ withdrawal: { ...w, state: next.value }, entries: move(w, 'withdrawal_rejected', 'rejected', 'shop_withdrawing', 'shop_available', now) });
}
