import { WITHDRAWAL_STATES, WithdrawalEvent, withdrawalMachine, WithdrawalState } from './withdrawal-machine';

describe('withdrawalMachine', () => {
  const allowed: Array<[WithdrawalState, WithdrawalEvent, WithdrawalState]> = [
    ['requested', 'approve', 'approved'],
    ['approved', 'markPaid', 'paid'],
    ['requested', 'reject', 'rejected'],
    ['approved', 'reject', 'rejected'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(withdrawalMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other (state, event) pair', () => {
    let rejected = 0;
    for (const state of WITHDRAWAL_STATES) {
      for (const event of withdrawalMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        const result = withdrawalMachine.next(state, event);
        expect(result.ok ? 'allowed' : result.code).toBe('INVALID_TRANSITION');
        rejected++;
      }
    }
    expect(rejected).toBe(WITHDRAWAL_STATES.length * 3 - allowed.length);
  });

  it('cannot pay before approval, and paid or rejected withdrawals are final', () => {
    expect(withdrawalMachine.can('requested', 'markPaid')).toBe(false);
    expect(withdrawalMachine.isTerminal('paid')).toBe(true);
    expect(withdrawalMachine.isTerminal('rejected')).toBe(true);
    expect(withdrawalMachine.isTerminal('approved')).toBe(false);
  });
});
