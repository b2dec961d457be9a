/**
 * The life cycle of one after-sale request (a shopper asking for money back on some lines of an
 * order, with or without sending the goods back).
 *
 * - refund only: `requested` → (shop approves) `refunding` → (WeChat Pay reports the refund)
 *   `refunded`;
 * - return and refund: `requested` → (shop approves) `awaiting_return` → (shopper sends the goods,
 *   with carrier and tracking number) `returning` → (shop confirms receipt) `refunding` →
 *   `refunded`;
 * - the shop may reject a request (`rejected`, with a reason); the shopper may withdraw it while
 *   it is requested or awaiting the return (`cancelled`).
 *
 * `refunded`, `rejected` and `cancelled` end a request; every other state is *open*: an order
 * line with an open request takes no second one, and settlement waits for open requests.
 */
import { defineMachine } from '../state-machine';

/** Every state of an after-sale request. */
export const AFTER_SALE_STATES = ['requested', 'awaiting_return', 'returning', 'refunding', 'refunded', 'rejected', 'cancelled'] as const;

/** A state of an after-sale request. */
export type AfterSaleState = (typeof AFTER_SALE_STATES)[number];

/** An event that moves an after-sale request. */
export type AfterSaleEvent = 'approveRefund' | 'approveReturn' | 'submitReturn' | 'confirmReturn' | 'refundDone' | 'reject' | 'cancel';

/** What the shopper asks for. */
export const AFTER_SALE_TYPES = ['refund_only', 'return_refund'] as const;

/** `refund_only`: money back, goods kept (or never shipped); `return_refund`: goods go back first. */
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

/** The after-sale state machine. */
export const afterSaleMachine = defineMachine<AfterSaleState, AfterSaleEvent>({
  name: 'afterSale',
  states: AFTER_SALE_STATES,
  transitions: {
    approveRefund: { from: ['requested'], to: 'refunding', description: 'The shop approves a refund-only request; the refund is issued.' },
    approveReturn: { from: ['requested'], to: 'awaiting_return', description: 'The shop approves a return-and-refund request; the shopper sends the goods back.' },
    submitReturn: { from: ['awaiting_return'], to: 'returning', description: 'The shopper enters the return carrier and tracking number.' },
    confirmReturn: { from: ['returning'], to: 'refunding', description: 'The shop confirms it received the goods; stock goes back and the refund is issued.' },
    refundDone: { from: ['refunding'], to: 'refunded', description: 'WeChat Pay reports the refund succeeded.' },
    reject: { from: ['requested'], to: 'rejected', description: 'The shop rejects the request with a reason.' },
    cancel: { from: ['requested', 'awaiting_return'], to: 'cancelled', description: 'The shopper withdraws the request.' },
  },
});

/** The states that end a request; every other state is open. */
export const CLOSED_AFTER_SALE_STATES: readonly AfterSaleState[] = AFTER_SALE_STATES.filter((s) => afterSaleMachine.isTerminal(s));

/** Returns true while a request is in progress (not refunded, rejected or cancelled). */
export function isOpenAfterSale(state: AfterSaleState): boolean {
  return !afterSaleMachine.isTerminal(state);
}

/** The approval event for a request of `type`. */
export function approvalEvent(type: AfterSaleType): 'approveRefund' | 'approveReturn' {
  return type === 'refund_only' ? 'approveRefund' : 'approveReturn';
}
