/**
 * The one place the functions talk to WeChat Pay (cloudPay). cloudPay resolves even when WeChat
 * refuses a request (it overwrites WeChat's `err_code` with `errCode: 0`), so every answer is
 * read through `returnCode` (well-formed?) and `resultCode` (accepted?), with `errCodeDes` as the
 * reason; the helpers below turn that into `{ok}` values and leave thrown errors (network, SDK) to
 * the caller.
 *
 * Production settings: cloudPay pays into a sub-merchant bound to the CloudBase environment
 * (CloudBase console → 微信支付配置). Its id comes from the function's environment variable
 * `WXPAY_SUB_MCH_ID`, which must be set on the `order`, `payment` and `aftersale` functions; without
 * it every call fails with `SETTING_MISSING` (server/settings.ts), except under the local emulator,
 * which gets the placeholder below.
 */
import { randomBytes } from 'node:crypto';
import { cloud } from '../cloud';
import { setting, WXPAY_SUB_MCH_ID_ENV } from '../settings';

/** Placeholder sub-merchant the local emulator accepts; production must set WXPAY_SUB_MCH_ID. */
export const DEV_SUB_MCH_ID = '1900000109';

/** The function WeChat Pay notifies about payments and refunds. */
export const PAY_CALLBACK_FUNCTION = 'payment';

/** The sub-merchant id; throws `SETTING_MISSING` when unset in production (check it before writing). */
export function subMchId(): string {
  return setting(WXPAY_SUB_MCH_ID_ENV, DEV_SUB_MCH_ID);
}

function envId(): string {
  const ctx = cloud.getWXContext() as { ENV?: string };
  return String(ctx.ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || '');
}

export function nonce(): string {
  return randomBytes(16).toString('hex');
}

/** WeChat Pay's `yyyyMMddHHmmss` in Beijing time. */
export function wxTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** What cloudPay answered, camelCase as the SDK delivers it. */
type Answer = Record<string, unknown> & { returnCode?: string; returnMsg?: string; resultCode?: string; errCodeDes?: string };

export type WxOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

function outcome<T>(answer: Answer, pick: (a: Answer) => T): WxOutcome<T> {
  if (answer.returnCode !== 'SUCCESS') return { ok: false, reason: String(answer.returnMsg ?? 'returnCode FAIL') };
  if (answer.resultCode !== 'SUCCESS') return { ok: false, reason: String(answer.errCodeDes ?? 'resultCode FAIL') };
  return { ok: true, value: pick(answer) };
}

// The SDK ships no typings for cloudPay.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pay = (): any => (cloud as any).cloudPay;

export interface PaymentSheet {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** Places (or re-places: same parameters give the same prepay id) the WeChat Pay order. */
export async function unifiedOrder(o: { outTradeNo: string; totalFee: number; body: string; clientIp: string; expireAt: number }): Promise<WxOutcome<PaymentSheet>> {
  const answer: Answer = await pay().unifiedOrder({
    body: o.body,
    outTradeNo: o.outTradeNo,
    spbillCreateIp: o.clientIp,
    subMchId: subMchId(),
    totalFee: o.totalFee,
    envId: envId(),
    functionName: PAY_CALLBACK_FUNCTION,
    nonceStr: nonce(),
    tradeType: 'JSAPI',
    timeExpire: wxTime(o.expireAt),
  });
  return outcome(answer, (a) => {
    const p = a.payment as Record<string, unknown>;
    return { timeStamp: String(p.timeStamp), nonceStr: String(p.nonceStr), package: String(p.package), signType: String(p.signType), paySign: String(p.paySign) };
  });
}

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'USERPAYING' | 'PAYERROR' | 'NOT_FOUND';

export interface TradeQuery {
  state: TradeState;
  totalFee?: number;
  transactionId?: string;
}

/** Asks WeChat Pay for an order's state; an order WeChat never saw is `NOT_FOUND`. */
export async function queryOrder(outTradeNo: string): Promise<WxOutcome<TradeQuery>> {
  const answer: Answer = await pay().queryOrder({ subMchId: subMchId(), nonceStr: nonce(), outTradeNo });
  if (answer.returnCode === 'SUCCESS' && answer.resultCode !== 'SUCCESS' && /不存在/.test(String(answer.errCodeDes))) return { ok: true, value: { state: 'NOT_FOUND' } };
  return outcome(answer, (a) => ({
    state: String(a.tradeState) as TradeState,
    ...(typeof a.totalFee === 'number' ? { totalFee: a.totalFee } : {}),
    ...(typeof a.transactionId === 'string' ? { transactionId: a.transactionId } : {}),
  }));
}

/** Closes an unpaid WeChat Pay order (WeChat refuses during its first five minutes). */
export async function closeOrder(outTradeNo: string): Promise<WxOutcome<null>> {
  const answer: Answer = await pay().closeOrder({ subMchId: subMchId(), nonceStr: nonce(), outTradeNo });
  return outcome(answer, () => null);
}

/**
 * Asks for a refund; the same `outRefundNo` with the same amounts is the same refund. Its result
 * arrives later as a notification of {@link PAY_CALLBACK_FUNCTION}.
 */
export async function refund(r: { outTradeNo: string; outRefundNo: string; totalFee: number; refundFee: number; desc: string }): Promise<WxOutcome<{ refundId: string }>> {
  const answer: Answer = await pay().refund({
    sub_mch_id: subMchId(),
    nonce_str: nonce(),
    out_trade_no: r.outTradeNo,
    out_refund_no: r.outRefundNo,
    total_fee: r.totalFee,
    refund_fee: r.refundFee,
    refund_desc: r.desc,
    envId: envId(),
    functionName: PAY_CALLBACK_FUNCTION,
  });
  return outcome(answer, (a) => ({ refundId: String(a.refundId ?? '') }));
}

export type WxRefundStatus = 'PROCESSING' | 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE' | 'NOT_FOUND';

/** Polls one refund's status (production may answer without the lists: then `PROCESSING`). */
export async function queryRefund(outRefundNo: string): Promise<WxOutcome<WxRefundStatus>> {
  const answer: Answer = await pay().queryRefund({ sub_mch_id: subMchId(), nonce_str: nonce(), out_refund_no: outRefundNo });
  if (answer.returnCode === 'SUCCESS' && answer.resultCode !== 'SUCCESS' && /查询失败|不存在/.test(String(answer.errCodeDes))) return { ok: true, value: 'NOT_FOUND' };
  return outcome(answer, (a) => {
    const list = Array.isArray(a.refundStatusList) ? (a.refundStatusList as string[]) : [];
    return (list[0] as WxRefundStatus | undefined) ?? 'PROCESSING';
  });
}
