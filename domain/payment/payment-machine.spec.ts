import { PAYMENT_STATES, paymentCallbackAction, PaymentEvent, paymentMachine, PaymentState } from './payment-machine';

describe('paymentMachine', () => {
  const allowed: Array<[PaymentState, PaymentEvent, PaymentState]> = [
    ['created', 'succeed', 'paid'],
    ['created', 'close', 'closed'],
    ['closed', 'lateSucceed', 'refunding'],
    ['refunding', 'refundDone', 'refunded'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(paymentMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other (state, event) pair', () => {
    for (const state of PAYMENT_STATES) {
      for (const event of paymentMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        expect({ state, event, can: paymentMachine.can(state, event) }).toEqual({ state, event, can: false });
      }
    }
  });

  it('cannot close a paid payment or succeed a closed one directly', () => {
    expect(paymentMachine.next('paid', 'close').ok).toBe(false);
    expect(paymentMachine.next('closed', 'succeed').ok).toBe(false);
  });

  it('ends in paid or refunded', () => {
    expect(PAYMENT_STATES.filter((s) => paymentMachine.isTerminal(s))).toEqual(['paid', 'refunded']);
  });
});

describe('paymentCallbackAction', () => {
  it('succeeds a created payment', () => {
    expect(paymentCallbackAction({ state: 'created', totalFen: 5000 }, 5000)).toEqual({
      ok: true,
      value: { type: 'transition', event: 'succeed', to: 'paid' },
    });
  });

  it('starts a refund when money arrives for a closed payment', () => {
    expect(paymentCallbackAction({ state: 'closed', totalFen: 5000 }, 5000)).toEqual({
      ok: true,
      value: { type: 'transition', event: 'lateSucceed', to: 'refunding' },
    });
  });

  it.each(['paid', 'refunding', 'refunded'] as const)('treats a repeated callback for a %s payment as a no-op', (state) => {
    expect(paymentCallbackAction({ state, totalFen: 5000 }, 5000)).toEqual({ ok: true, value: { type: 'duplicate' } });
  });

  it('rejects a mismatched amount in any state', () => {
    for (const state of PAYMENT_STATES) {
      expect(paymentCallbackAction({ state, totalFen: 5000 }, 1)).toEqual({
        ok: false,
        code: 'PAYMENT_AMOUNT_MISMATCH',
        message: expect.any(String),
        details: { expectedFen: 5000, notifiedFen: 1 },
      });
    }
  });
});

describe('paymentCallbackAction on corrupt data', () => {
  it('throws for a state outside the machine', () => {
    expect(() => paymentCallbackAction({ state: 'lost' as PaymentState, totalFen: 1 }, 1)).toThrow(/unknown state lost/);
  });
});
