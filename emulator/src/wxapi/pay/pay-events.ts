import { formatWxDateTime, newNonce, serviceProviderOpenid } from './pay-format';
import type { PayOrder, PayRefund } from './pay-store';

export interface EventIdentity {
  appid: string;
  mchId: string;
  callbackOpenid: 'service-provider' | 'payer';
}

/**
 * The event a payment callback function receives, as documented for cloudPay / WeChat Cloud Run
 * ("支付结果回调"): WeChat Pay's v2 notification, converted to camelCase JSON. The payer's
 * mini-program openid is `subOpenid`; `openid` is the payer under the service provider's appid.
 */
export function paymentEvent(order: PayOrder, id: EventIdentity): Record<string, unknown> {
  const payer = order.payerOpenid ?? '';
  const event: Record<string, unknown> = {
    returnCode: 'SUCCESS',
    appid: id.appid,
    mchId: id.mchId,
    subAppid: id.appid,
    subMchId: order.subMchId,
    nonceStr: newNonce(),
    resultCode: 'SUCCESS',
    openid: id.callbackOpenid === 'payer' ? payer : serviceProviderOpenid(payer),
    isSubscribe: 'N',
    subOpenid: payer,
    subIsSubscribe: 'N',
    tradeType: order.tradeType,
    bankType: 'OTHERS',
    totalFee: order.totalFee,
    feeType: order.feeType,
    cashFee: order.totalFee,
    transactionId: order.transactionId,
    outTradeNo: order.outTradeNo,
    timeEnd: order.timeEnd,
  };
  if (order.attach !== null) event.attach = order.attach;
  return event;
}

/**
 * The event a refund callback function receives. WeChat Pay's refund notification carries the
 * refund in an encrypted `req_info`; CloudBase decrypts it, so the function gets it as the
 * camelCase object `reqInfo` (fields of the decrypted v2 refund notification).
 */
export function refundEvent(order: PayOrder, refund: PayRefund, id: EventIdentity): Record<string, unknown> {
  const reqInfo: Record<string, unknown> = {
    transactionId: order.transactionId,
    outTradeNo: order.outTradeNo,
    refundId: refund.refundId,
    outRefundNo: refund.outRefundNo,
    totalFee: order.totalFee,
    settlementTotalFee: order.totalFee,
    refundFee: refund.refundFee,
    settlementRefundFee: refund.status === 'SUCCESS' ? refund.refundFee : 0,
    refundStatus: refund.status,
    refundRecvAccout: '支付用户零钱',
    refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
    refundRequestSource: 'API',
  };
  if (refund.status === 'SUCCESS' && refund.settledAt !== null) reqInfo.successTime = formatWxDateTime(refund.settledAt);
  return {
    returnCode: 'SUCCESS',
    appid: id.appid,
    mchId: id.mchId,
    subAppid: id.appid,
    subMchId: refund.subMchId,
    nonceStr: newNonce(),
    reqInfo,
  };
}
