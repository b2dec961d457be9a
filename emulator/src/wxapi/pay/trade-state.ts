/**
 * The two state machines of WeChat Pay v2 as cloudPay exposes them, as plain transition tables.
 *
 * A payment order (`trade_state`) starts NOTPAY; the shopper paying makes it SUCCESS, `closeOrder`
 * makes it CLOSED, and the first accepted refund makes it REFUND (it stays REFUND). A refund starts
 * PROCESSING and settles as SUCCESS, CHANGE (refund to the card failed, merchant must act) or
 * REFUNDCLOSE.
 */
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
export type TradeEvent = 'pay' | 'close' | 'refund';

const TRADE_TRANSITIONS: Readonly<Record<TradeState, Partial<Record<TradeEvent, TradeState>>>> = {
  NOTPAY: { pay: 'SUCCESS', close: 'CLOSED' },
  SUCCESS: { refund: 'REFUND' },
  REFUND: { refund: 'REFUND' },
  CLOSED: {},
};

/** The state after `event`, or undefined when the table forbids it. */
export function nextTradeState(from: TradeState, event: TradeEvent): TradeState | undefined {
  return TRADE_TRANSITIONS[from][event];
}

/** `trade_state_desc` texts as WeChat Pay returns them. */
export const TRADE_STATE_DESC: Readonly<Record<TradeState, string>> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '订单发生过退款',
};

export function isPaid(state: TradeState): boolean {
  return state === 'SUCCESS' || state === 'REFUND';
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE';
export type RefundOutcome = Exclude<RefundStatus, 'PROCESSING'>;

const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundOutcome[]>> = {
  PROCESSING: ['SUCCESS', 'CHANGE', 'REFUNDCLOSE'],
  SUCCESS: [],
  CHANGE: [],
  REFUNDCLOSE: [],
};

export function canSettleRefund(from: RefundStatus, to: RefundOutcome): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

export function isRefundOutcome(value: unknown): value is RefundOutcome {
  return value === 'SUCCESS' || value === 'CHANGE' || value === 'REFUNDCLOSE';
}

/** A closed refund gives its amount back to the refundable balance; the others hold it. */
export function refundHoldsAmount(status: RefundStatus): boolean {
  return status !== 'REFUNDCLOSE';
}
