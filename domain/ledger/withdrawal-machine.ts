/**
 * The life cycle of a shop's withdrawal: the shop requests it (the amount moves from
 * `shop_available` to `shop_withdrawing`), a platform admin approves it and, once the bank
 * transfer is done, marks it paid; an admin can reject it while it is requested or approved (the
 * amount goes back to `shop_available`). See `withdrawal.ts` for the entries of each step.
 */
import { defineMachine } from '../state-machine';

/** Every state of a withdrawal. */
export const WITHDRAWAL_STATES = ['requested', 'approved', 'paid', 'rejected'] as const;

/** A state of a withdrawal. */
export type WithdrawalState = (typeof WITHDRAWAL_STATES)[number];

/** An event that moves a withdrawal. */
export type WithdrawalEvent = 'approve' | 'markPaid' | 'reject';

/** The withdrawal state machine. */
export const withdrawalMachine = defineMachine<WithdrawalState, WithdrawalEvent>({
  name: 'withdrawal',
  states: WITHDRAWAL_STATES,
  transitions: {
    approve: { from: ['requested'], to: 'approved', description: 'A platform admin approves the withdrawal.' },
    markPaid: { from: ['approved'], to: 'paid', description: 'A platform admin records the bank transfer to the shop.' },
    reject: {
      from: ['requested', 'approved'],
      to: 'rejected',
      description: 'A platform admin rejects the withdrawal; the amount returns to the available balance.',
    },
  },
});
