import {
  checkRefundAmount,
  REFUND_REASON_KINDS,
  REFUND_STATES,
  RefundEvent,
  refundMachine,
  refundResultAction,
  RefundState,
} from './refund-machine';

describe('refundMachine', () => {
  const allowed: Array<[RefundState, RefundEvent, RefundState]> = [
    ['pending', 'submit', 'processing'],
    ['processing', 'succeed', 'succeeded'],
    ['processing', 'fail', 'failed'],
    ['failed', 'retry', 'processing'],
    ['pending', 'fail', 'failed'],
    ['pending', 'succeed', 'succeeded'],
    ['failed', 'succeed', 'succeeded'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(refundMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other (state, event) pair', () => {
    for (const state of REFUND_STATES) {
      for (const event of refundMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        expect({ state, event, can: refundMachine.can(state, event) }).toEqual({ state, event, can: false });
      }
    }
  });

  it('only succeeded is terminal: a failed refund can always be retried', () => {
    expect(REFUND_STATES.filter((s) => refundMachine.isTerminal(s))).toEqual(['succeeded']);
  });

  it('names the reason kinds', () => {
    expect(REFUND_REASON_KINDS).toEqual(['late_payment', 'cancel_paid', 'after_sale']);
  });
});

describe('refundResultAction', () => {
  it('applies the first result and ignores repeats', () => {
    expect(refundResultAction('processing', 'success')).toEqual({ type: 'transition', event: 'succeed' });
    expect(refundResultAction('succeeded', 'success')).toEqual({ type: 'duplicate' });
    expect(refundResultAction('processing', 'failure')).toEqual({ type: 'transition', event: 'fail' });
    expect(refundResultAction('failed', 'failure')).toEqual({ type: 'duplicate' });
  });

  it('never lets a stale failure undo a success', () => {
    expect(refundResultAction('succeeded', 'failure')).toEqual({ type: 'duplicate' });
  });

  it('accepts a success that overtook the submit write', () => {
    const action = refundResultAction('pending', 'success');
    expect(action).toEqual({ type: 'transition', event: 'succeed' });
    if (action.type === 'transition') expect(refundMachine.next('pending', action.event)).toEqual({ ok: true, value: 'succeeded' });
  });
});

describe('checkRefundAmount', () => {
  it('allows a refund up to what is left', () => {
    expect(checkRefundAmount({ paidFen: 1000, alreadyRefundedFen: 300, requestedFen: 700 })).toEqual({
      ok: true,
      value: { remainingFen: 0 },
    });
    expect(checkRefundAmount({ paidFen: 1000, alreadyRefundedFen: 0, requestedFen: 1 })).toEqual({
      ok: true,
      value: { remainingFen: 999 },
    });
  });

  it('rejects too much, zero and fractional amounts', () => {
    expect(checkRefundAmount({ paidFen: 1000, alreadyRefundedFen: 300, requestedFen: 701 })).toMatchObject({
      ok: false,
      code: 'REFUND_AMOUNT_EXCEEDED',
      details: { refundableFen: 700 },
    });
    expect(checkRefundAmount({ paidFen: 1000, alreadyRefundedFen: 0, requestedFen: 0 })).toMatchObject({ code: 'REFUND_AMOUNT_INVALID' });
    expect(checkRefundAmount({ paidFen: 1000, alreadyRefundedFen: 0, requestedFen: 1.5 })).toMatchObject({ code: 'REFUND_AMOUNT_INVALID' });
  });

  it('throws on inconsistent stored amounts (a bug)', () => {
    expect(() => checkRefundAmount({ paidFen: 100, alreadyRefundedFen: 200, requestedFen: 1 })).toThrow(RangeError);
  });
});
