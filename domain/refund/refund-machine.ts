/**
 * The life cycle of one refund (a WeChat Pay refund of part or all of a payment).
 *
 * A refund is `pending` when recorded, `processing` once cloudPay.refund accepted it, then
 * `succeeded` or `failed` by the refund result; a failed refund can be retried. Refund results
 * are retried by WeChat and can overtake our own writes, so {@link refundResultAction} decides what
 * a result does: a success is authoritative (it also ends a refund we still thought pending or
 * failed), a repeated result is a no-op, and a stale failure never undoes a success.
 */
import { assertFen, Fen } from '../money';
import { fail, ok, Outcome } from '../result';
import { defineMachine } from '../state-machine';

/** Every state of a refund. */
export const REFUND_STATES = ['pending', 'processing', 'succeeded', 'failed'] as const;

/** A state of a refund. */
export type RefundState = (typeof REFUND_STATES)[number];

/** An event that moves a refund. */
export type RefundEvent = 'submit' | 'succeed' | 'fail' | 'retry';

/** Why money is refunded. */
export const REFUND_REASON_KINDS = ['late_payment', 'cancel_paid', 'after_sale'] as const;

/**
 * Why money is refunded: `late_payment` (a payment arrived after its orders were cancelled),
 * `cancel_paid` (the shopper cancelled a paid order before shipping) or `after_sale`
 * (a return or refund request after delivery; reserved for the after-sale module).
 */
export type RefundReasonKind = (typeof REFUND_REASON_KINDS)[number];

/** The refund state machine. */
export const refundMachine = defineMachine<RefundState, RefundEvent>({
  name: 'refund',
  states: REFUND_STATES,
  transitions: {
    submit: { from: ['pending'], to: 'processing', description: 'cloudPay.refund accepted the request.' },
    succeed: {
      from: ['pending', 'processing', 'failed'],
      to: 'succeeded',
      description: 'WeChat Pay reports the refund succeeded (authoritative, even if it overtook our own writes).',
    },
    fail: {
      from: ['pending', 'processing'],
      to: 'failed',
      description: 'cloudPay.refund rejected the request or WeChat Pay reports the refund failed.',
    },
    retry: { from: ['failed'], to: 'processing', description: 'A failed refund is submitted again and accepted.' },
  },
});

/** What a refund result notification does: fire `succeed` or `fail`, or nothing for a repeat. */
export type RefundResultAction = { readonly type: 'transition'; readonly event: 'succeed' | 'fail' } | { readonly type: 'duplicate' };

/** Decides what a refund result (`success` or `failure`) does to a refund in `state`. */
export function refundResultAction(state: RefundState, result: 'success' | 'failure'): RefundResultAction {
  if (result === 'success') return state === 'succeeded' ? { type: 'duplicate' } : { type: 'transition', event: 'succeed' };
  return state === 'pending' || state === 'processing' ? { type: 'transition', event: 'fail' } : { type: 'duplicate' };
}

/** A failure code of {@link checkRefundAmount}. */
export type RefundAmountCode = 'REFUND_AMOUNT_INVALID' | 'REFUND_AMOUNT_EXCEEDED';

/**
 * Checks that a refund of `requestedFen` is possible: at least 1 fen and no more than what was
 * paid minus what was already refunded (or is being refunded). Returns the amount still
 * refundable after this refund.
 */
export function checkRefundAmount(input: {
  readonly paidFen: Fen;
  readonly alreadyRefundedFen: Fen;
  readonly requestedFen: number;
}): Outcome<{ readonly remainingFen: Fen }, RefundAmountCode> {
  assertFen(input.paidFen, 'paidFen');
  assertFen(input.alreadyRefundedFen, 'alreadyRefundedFen');
  if (input.alreadyRefundedFen > input.paidFen) throw new RangeError('alreadyRefundedFen exceeds paidFen');
  const refundableFen = input.paidFen - input.alreadyRefundedFen;
  if (!Number.isSafeInteger(input.requestedFen) || input.requestedFen < 1) {
    return fail('REFUND_AMOUNT_INVALID', 'a refund must be at least 1 fen', { requestedFen: input.requestedFen });
  }
  if (input.requestedFen > refundableFen) {
    return fail('REFUND_AMOUNT_EXCEEDED', 'the refund exceeds the amount still refundable', {
      requestedFen: input.requestedFen,
      refundableFen,
    });
  }
  return ok({ remainingFen: refundableFen - input.requestedFen });
}
