import {
  AUTO_CONFIRM_DAYS,
  autoConfirmAt,
  isAutoConfirmDue,
  isTerminal,
  isUnpaidTimedOut,
  ORDER_STATES,
  OrderEvent,
  orderMachine,
  orderPaymentAction,
  OrderState,
  UNPAID_TIMEOUT_MS,
  unpaidDeadline,
} from './order-machine';
import { DAY_MS } from '../time';

describe('orderMachine', () => {
  const allowed: Array<[OrderState, OrderEvent, OrderState]> = [
    ['pending_payment', 'pay', 'paid'],
    ['pending_payment', 'cancel', 'cancelled'],
    ['pending_payment', 'timeout', 'cancelled'],
    ['paid', 'cancelPaid', 'closed'],
    ['paid', 'ship', 'shipped'],
    ['shipped', 'confirm', 'completed'],
    ['shipped', 'autoConfirm', 'completed'],
    ['paid', 'refundAll', 'closed'],
    ['shipped', 'refundAll', 'closed'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(orderMachine.next(from, event)).toEqual({ ok: true, value: to });
  });

  it('rejects every other (state, event) pair', () => {
    let rejected = 0;
    for (const state of ORDER_STATES) {
      for (const event of orderMachine.eventNames) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        const result = orderMachine.next(state, event);
        expect({ state, event, ok: result.ok }).toEqual({ state, event, ok: false });
        rejected++;
      }
    }
    expect(rejected).toBe(ORDER_STATES.length * 8 - allowed.length);
  });

  it('never moves a shipped or completed order back to paid', () => {
    expect(orderMachine.next('shipped', 'pay')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(orderMachine.next('completed', 'pay')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(orderMachine.next('paid', 'pay').ok).toBe(false);
  });

  it('cannot cancel a shipped order or a paid order with the unpaid cancel', () => {
    expect(orderMachine.can('shipped', 'cancelPaid')).toBe(false);
    expect(orderMachine.can('paid', 'cancel')).toBe(false);
    expect(orderMachine.can('paid', 'timeout')).toBe(false);
  });

  it('knows its terminal states', () => {
    expect(ORDER_STATES.filter(isTerminal)).toEqual(['completed', 'cancelled', 'closed']);
  });
});

describe('orderPaymentAction (payment callbacks are idempotent)', () => {
  it('pays a pending order', () => {
    expect(orderPaymentAction('pending_payment')).toEqual({ type: 'pay', to: 'paid' });
  });

  it.each(['paid', 'shipped', 'completed'] as const)('treats a callback for a %s order as a duplicate', (state) => {
    expect(orderPaymentAction(state)).toEqual({ type: 'duplicate' });
  });

  it.each(['cancelled', 'closed'] as const)('asks for a refund when the order is %s', (state) => {
    expect(orderPaymentAction(state)).toEqual({ type: 'refund' });
  });

  it('applied twice, the second callback leaves a shipped order shipped', () => {
    let state: OrderState = 'pending_payment';
    const apply = (): void => {
      const action = orderPaymentAction(state);
      if (action.type === 'pay') {
        const next = orderMachine.next(state, 'pay');
        if (next.ok) state = next.value;
      }
    };
    apply();
    expect(state).toBe('paid');
    const shipped = orderMachine.next(state, 'ship');
    if (shipped.ok) state = shipped.value;
    apply();
    expect(state).toBe('shipped');
  });
});

describe('order timers', () => {
  it('uses 30 minutes and 10 days', () => {
    expect(UNPAID_TIMEOUT_MS).toBe(1_800_000);
    expect(AUTO_CONFIRM_DAYS).toBe(10);
    expect(unpaidDeadline(1000)).toBe(1000 + 1_800_000);
    expect(autoConfirmAt(0)).toBe(10 * DAY_MS);
  });

  it('times out only pending orders whose deadline has been reached', () => {
    const createdAt = 1_700_000_000_000;
    expect(isUnpaidTimedOut({ state: 'pending_payment', createdAt }, createdAt + UNPAID_TIMEOUT_MS - 1)).toBe(false);
    expect(isUnpaidTimedOut({ state: 'pending_payment', createdAt }, createdAt + UNPAID_TIMEOUT_MS)).toBe(true);
    expect(isUnpaidTimedOut({ state: 'paid', createdAt }, createdAt + 10 * UNPAID_TIMEOUT_MS)).toBe(false);
  });

  it('auto-confirms only shipped orders whose time has come', () => {
    const shippedAt = 1_700_000_000_000;
    expect(isAutoConfirmDue({ state: 'shipped', shippedAt }, shippedAt + 10 * DAY_MS - 1)).toBe(false);
    expect(isAutoConfirmDue({ state: 'shipped', shippedAt }, shippedAt + 10 * DAY_MS)).toBe(true);
    expect(isAutoConfirmDue({ state: 'completed', shippedAt }, shippedAt + 20 * DAY_MS)).toBe(false);
  });
});

describe('orderPaymentAction on corrupt data', () => {
  it('throws for a state outside the machine', () => {
    expect(() => orderPaymentAction('lost' as OrderState)).toThrow(/unknown state lost/);
  });
});
