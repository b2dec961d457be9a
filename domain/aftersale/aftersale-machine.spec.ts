import { AFTER_SALE_STATES, AfterSaleEvent, afterSaleMachine, AfterSaleState, approvalEvent, CLOSED_AFTER_SALE_STATES, isOpenAfterSale } from './aftersale-machine';

describe('afterSaleMachine', () => {
  const allowed: Array<[AfterSaleState, AfterSaleEvent, AfterSaleState]> = [
    ['requested', 'approveRefund', 'refunding'],
    ['requested', 'approveReturn', 'awaiting_return'],
    ['awaiting_return', 'submitReturn', 'returning'],
    ['returning', 'confirmReturn', 'refunding'],
    ['refunding', 'refundDone', 'refunded'],
    ['requested', 'reject', 'rejected'],
    ['requested', 'cancel', 'cancelled'],
    ['awaiting_return', 'cancel', 'cancelled'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(afterSaleMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other (state, event) pair', () => {
    for (const state of AFTER_SALE_STATES) {
      for (const event of afterSaleMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        expect({ state, event, ok: afterSaleMachine.next(state, event).ok }).toEqual({ state, event, ok: false });
      }
    }
  });

  it('ends with refunded, rejected or cancelled, and everything else is open', () => {
    expect(CLOSED_AFTER_SALE_STATES).toEqual(['refunded', 'rejected', 'cancelled']);
    expect(AFTER_SALE_STATES.filter(isOpenAfterSale)).toEqual(['requested', 'awaiting_return', 'returning', 'refunding']);
  });

  it('cannot cancel once the goods are on their way back or the refund is issued', () => {
    expect(afterSaleMachine.can('returning', 'cancel')).toBe(false);
    expect(afterSaleMachine.can('refunding', 'cancel')).toBe(false);
  });

  it('approves by type', () => {
    expect(approvalEvent('refund_only')).toBe('approveRefund');
    expect(approvalEvent('return_refund')).toBe('approveReturn');
  });
});
