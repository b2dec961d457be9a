import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type AppError, type PaymentParams, type PaymentView, type Result } from './contracts';

/** What came of asking the shopper to pay: WeChat's answer, or why the payment never started. */
export type PayOutcome =
  | { kind: 'requested'; result: 'ok' | 'cancel' | 'fail'; payment: PaymentView }
  | { kind: 'error'; error: AppError };

/** Asks the server for the current state of a payment (it settles a paid one on the way). */
export function fetchPaymentStatus(paymentId: string): Promise<Result<PaymentView>> {
  return callFunction(FUNCTIONS.payment, ACTIONS.payment.status, { paymentId });
}

function requestWxPayment(params: PaymentParams): Promise<'ok' | 'cancel' | 'fail'> {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType as 'MD5' | 'HMAC-SHA256' | 'RSA',
      paySign: params.paySign,
      success: () => resolve('ok'),
      fail: (failure) => resolve(/cancel/.test(failure.errMsg) ? 'cancel' : 'fail'),
    });
  });
}

/**
 * Pays an unpaid payment: `payment.pay` places (or re-uses) the WeChat Pay order, then the
 * WeChat payment sheet opens. WeChat's own answer is only a hint: the pay result page asks
 * `payment.status` for the truth.
 */
export async function payForPayment(paymentId: string): Promise<PayOutcome> {
  const placed = await callFunction(FUNCTIONS.payment, ACTIONS.payment.pay, { paymentId });
  if (!placed.ok) return { kind: 'error', error: placed.error };
  const result = await requestWxPayment(placed.data.params);
  return { kind: 'requested', result, payment: placed.data.payment };
}
