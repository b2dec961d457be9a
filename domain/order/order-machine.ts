/**
 * The life cycle of one order (one shop's part of a checkout).
 *
 * An order never paid ends `cancelled` (by the shopper, or by the unpaid-order timer after
 * {@link UNPAID_TIMEOUT_MS}); a paid order cancelled before shipping ends `closed` once its refund
 * is under way. A payment callback can arrive more than once and after other changes, so the
 * callback handler asks {@link orderPaymentAction} what to do instead of firing `pay` blindly: a
 * repeated callback for a paid or shipped order is a no-op and never moves it back to `paid`.
 */
import { defineMachine } from '../state-machine';
import { DAY_MS, MINUTE_MS } from '../time';

/** Every state of an order. */
export const ORDER_STATES = ['pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'closed'] as const;

/** A state of an order. */
export type OrderState = (typeof ORDER_STATES)[number];

/** An event that moves an order. */
export type OrderEvent = 'pay' | 'cancel' | 'timeout' | 'cancelPaid' | 'ship' | 'confirm' | 'autoConfirm' | 'refundAll';

/** An unpaid order is cancelled this long after it was created (30 minutes). */
export const UNPAID_TIMEOUT_MS = 30 * MINUTE_MS;

/** A shipped order is confirmed automatically this many days after it was shipped. */
export const AUTO_CONFIRM_DAYS = 10;

/** The order state machine. */
export const orderMachine = defineMachine<OrderState, OrderEvent>({
  name: 'order',
  states: ORDER_STATES,
  transitions: {
    pay: { from: ['pending_payment'], to: 'paid', description: 'The payment of the checkout succeeded.' },
    cancel: { from: ['pending_payment'], to: 'cancelled', description: 'The shopper cancels an unpaid order.' },
    timeout: { from: ['pending_payment'], to: 'cancelled', description: 'The order stayed unpaid for 30 minutes.' },
    cancelPaid: {
      from: ['paid'],
      to: 'closed',
      description: 'The shopper cancels a paid order before shipping; a full refund follows.',
    },
    ship: { from: ['paid'], to: 'shipped', description: 'The merchant ships the order.' },
    confirm: { from: ['shipped'], to: 'completed', description: 'The shopper confirms receipt.' },
    autoConfirm: {
      from: ['shipped'],
      to: 'completed',
      description: `Receipt is confirmed automatically ${AUTO_CONFIRM_DAYS} days after shipping.`,
    },
    refundAll: {
      from: ['paid', 'shipped'],
      to: 'closed',
      description: 'After-sale refunds were issued for every unit of every line (a completed order stays completed).',
    },
  },
});

/** Returns true when an order can no longer change state (completed, cancelled or closed). */
export function isTerminal(state: OrderState): boolean {
  return orderMachine.isTerminal(state);
}

/** Returns the moment an unpaid order created at `createdAt` times out. */
export function unpaidDeadline(createdAt: number): number {
  return createdAt + UNPAID_TIMEOUT_MS;
}

/** Returns the moment a shipped order is confirmed automatically. */
export function autoConfirmAt(shippedAt: number): number {
  return shippedAt + AUTO_CONFIRM_DAYS * DAY_MS;
}

/**
 * Returns true when the unpaid-order timer may cancel the order now: it is still unpaid and its
 * deadline has been reached.
 */
export function isUnpaidTimedOut(order: { readonly state: OrderState; readonly createdAt: number }, now: number): boolean {
  return order.state === 'pending_payment' && now >= unpaidDeadline(order.createdAt);
}

/** Returns true when the auto-confirm timer may complete the order now. */
export function isAutoConfirmDue(order: { readonly state: OrderState; readonly shippedAt: number }, now: number): boolean {
  return order.state === 'shipped' && now >= autoConfirmAt(order.shippedAt);
}

/**
 * What a payment callback must do with one order of the paid checkout:
 * - `pay`: the order is waiting for payment; fire the `pay` event.
 * - `duplicate`: the order was already paid (it may be shipped or completed since); change nothing.
 * - `refund`: the order was cancelled or closed before the money arrived; leave the order alone,
 *   the payment's `lateSucceed` transition refunds the money.
 */
export type OrderPaymentAction = { readonly type: 'pay'; readonly to: 'paid' } | { readonly type: 'duplicate' } | { readonly type: 'refund' };

/** Decides what a (possibly repeated or late) payment callback does to an order in `state`. */
export function orderPaymentAction(state: OrderState): OrderPaymentAction {
  switch (state) {
    case 'pending_payment':
      return { type: 'pay', to: 'paid' };
    case 'paid':
    case 'shipped':
    case 'completed':
      return { type: 'duplicate' };
    case 'cancelled':
    case 'closed':
      return { type: 'refund' };
  }
  // Unreachable for typed input; a corrupt document is a bug, not a business failure.
  throw new Error(`unknown state ${String(state)}`);
}
