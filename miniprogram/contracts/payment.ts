import type { PaymentParams } from './order';

export type PaymentStatus = 'created' | 'paid' | 'closed' | 'refunding' | 'refunded';

export interface PaymentView {
  id: string;
  status: PaymentStatus;
  totalFen: number;
  orderIds: string[];
  paidAt?: number;
}

export interface PaymentApi {
  /** Places (or re-uses) the WeChat Pay order for an unpaid payment and returns wx.requestPayment params. */
  pay: { payload: { paymentId: string }; result: { params: PaymentParams; payment: PaymentView } };
  /** Asks WeChat Pay for the state (after wx.requestPayment returns) and settles it if paid. */
  status: { payload: { paymentId: string }; result: PaymentView };
}
