/**
 * The life cycle of a payment: one WeChat Pay transaction covering the orders of one checkout
 * (one order per shop).
 *
 * A payment is `created` when unifiedOrder is placed. If its orders are cancelled before the money
 * arrives it is `closed`; money that still arrives afterwards (the shopper paid in the last
 * second, or the close reached WeChat too late) moves it to `refunding`, and the full amount is
 * refunded automatically (`refunded` once the refund succeeded). Payment callbacks are retried
 * by WeChat, so {@link paymentCallbackAction} decides what a callback does and treats repeats as
 * no-ops; it also rejects a notified amount that differs from the payment's.
 */
import type { Fen } from '../money';
import { fail, ok, Outcome } from '../result';
import { defineMachine } from '../state-machine';

/** Every state of a payment. */
export const PAYMENT_STATES = ['created', 'paid', 'closed', 'refunding', 'refunded'] as const;

/** A state of a payment. */
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** An event that moves a payment. */
export type PaymentEvent = 'succeed' | 'close' | 'lateSucceed' | 'refundDone';

/** The payment state machine. */
export const paymentMachine = defineMachine<PaymentState, PaymentEvent>({
  name: 'payment',
  states: PAYMENT_STATES,
  transitions: {
    succeed: { from: ['created'], to: 'paid', description: 'WeChat Pay reports the payment succeeded.' },
    close: { from: ['created'], to: 'closed', description: 'The orders were cancelled before payment.' },
    lateSucceed: {
      from: ['closed'],
      to: 'refunding',
      description: 'Money arrived after the orders were cancelled; a full refund is started.',
    },
    refundDone: { from: ['refunding'], to: 'refunded', description: 'The refund of a late payment succeeded.' },
  },
});

/**
 * What a payment callback must do:
 * - `transition` with `succeed`: mark the payment and its pending orders paid.
 * - `transition` with `lateSucceed`: the payment was closed; start a full refund (reason `late_payment`).
 * - `duplicate`: the callback was already handled; answer WeChat with success and change nothing.
 */
export type PaymentCallbackAction =
  | { readonly type: 'transition'; readonly event: 'succeed'; readonly to: 'paid' }
  | { readonly type: 'transition'; readonly event: 'lateSucceed'; readonly to: 'refunding' }
  | { readonly type: 'duplicate' };

/** A failure code of {@link paymentCallbackAction}. */
export type PaymentCallbackCode = 'PAYMENT_AMOUNT_MISMATCH';

/**
 * Decides what a payment callback notifying `notifiedTotalFen` does to a payment. A notified
 * amount different from the payment's total fails with `PAYMENT_AMOUNT_MISMATCH` (in every
 * state), so a forged or mismatched callback never marks anything paid.
 */
export function paymentCallbackAction(
  payment: { readonly state: PaymentState; readonly totalFen: Fen },
  notifiedTotalFen: Fen,
): Outcome<PaymentCallbackAction, PaymentCallbackCode> {
  if (notifiedTotalFen !== payment.totalFen) {
    return fail('PAYMENT_AMOUNT_MISMATCH', 'the notified amount differs from the payment amount', {
      expectedFen: payment.totalFen,
      notifiedFen: notifiedTotalFen,
    });
  }
  switch (payment.state) {
    case 'created':
      return ok({ type: 'transition', event: 'succeed', to: 'paid' });
    case 'closed':
      return ok({ type: 'transition', event: 'lateSucceed', to: 'refunding' });
    case 'paid':
    case 'refunding':
    case 'refunded':
      return ok({ type: 'duplicate' });
  }
  // Unreachable for typed input; a corrupt document is a bug, not a business failure.
  throw new Error(`unknown state ${String(payment.state)}`);
}
