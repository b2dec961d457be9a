import type { CallerIdentity } from '../options';
import { type PayContext, type Refusal, findOrderForControl, refuse, isRefusal } from './pay-context';
import { paymentEvent } from './pay-events';
import { formatWxTime, md5Sign, newNonce, newPrepayId, newTransactionId, parseWxTime, serviceProviderOpenid } from './pay-format';
import { MERCHANT_NO, PayParamProblem, type PayParams, type WxPayAnswer, resultFail, resultOk } from './pay-params';
import type { PayOrder } from './pay-store';
import { TRADE_STATE_DESC, isPaid, nextTradeState } from './trade-state';

/** A prepay_id is valid for two hours; after that unifiedOrder issues a new one for the same order. */
export const PREPAY_TTL_MS = 2 * 3600 * 1000;
/** WeChat Pay refuses closeorder during the first five minutes of an order. */
export const CLOSE_MIN_AGE_MS = 5 * 60 * 1000;

/** `unifiedOrder`, `queryOrder`, `closeOrder`, and the shopper paying (control API). */
export class PayOrders {
  constructor(private readonly ctx: PayContext) {}

  unifiedOrder(p: PayParams, caller: CallerIdentity | undefined): WxPayAnswer {
    const subMchId = p.string('sub_mch_id', { max: 32 });
    const nonce = p.string('nonce_str', { max: 32 });
    const body = p.string('body', { max: 128 });
    const outTradeNo = p.string('out_trade_no', MERCHANT_NO);
    const totalFee = p.positiveInt('total_fee');
    const spbillCreateIp = p.string('spbill_create_ip', { max: 64 });
    const envId = p.string('env_id');
    const functionName = p.string('function_name');
    const tradeType = p.string('trade_type');
    if (tradeType !== 'JSAPI') throw new PayParamProblem(`trade_type ${tradeType} is not supported by the emulator; mini programs pay with JSAPI`);
    const feeType = p.optionalString('fee_type') ?? 'CNY';
    if (feeType !== 'CNY') throw new PayParamProblem(`fee_type ${feeType} is not supported by the emulator (CNY only)`);
    const attach = p.optionalString('attach', { max: 127 }) ?? null;
    const detail = p.optionalString('detail', { max: 6000 }) ?? null;
    const timeExpire = p.optionalString('time_expire', { pattern: /^\d{14}$/, patternText: 'must be yyyyMMddHHmmss' }) ?? null;
    if (timeExpire !== null && parseWxTime(timeExpire) === undefined) throw new PayParamProblem('time_expire is not a valid yyyyMMddHHmmss time');
    const payer = p.optionalString('sub_openid') ?? p.optionalString('openid') ?? caller?.openid ?? null;
    const paramsKey = JSON.stringify([body, totalFee, feeType, tradeType, attach, detail, timeExpire, envId, functionName, payer, p.raw.goods_tag ?? null, p.raw.limit_pay ?? null]);
    const now = this.ctx.clock.now();

    const answer = this.ctx.store.atomically((): WxPayAnswer => {
      const existing = this.ctx.store.getOrder(subMchId, outTradeNo);
      if (existing) {
        if (isPaid(existing.state)) return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERPAID', '该订单已支付');
        if (existing.state === 'CLOSED') return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERCLOSED', '该订单已关闭');
        if (existing.paramsKey !== paramsKey) return resultFail(this.ctx.options, subMchId, newNonce(), 'INVALID_REQUEST', '201 商户订单号重复');
        let prepayId = existing.prepayId;
        if (now - existing.prepayCreatedAt > PREPAY_TTL_MS) {
          prepayId = newPrepayId(now);
          this.ctx.store.renewPrepay(existing, prepayId, now);
        }
        return this.prepayAnswer(subMchId, prepayId, now);
      }
      const prepayId = newPrepayId(now);
      this.ctx.store.insertOrder({
        subMchId, outTradeNo, transactionId: null, prepayId, prepayCreatedAt: now, body, attach, totalFee, feeType, tradeType,
        spbillCreateIp, envId, functionName, payerOpenid: payer, timeExpire, paramsKey, state: 'NOTPAY', createdAt: now,
        paidAt: null, timeEnd: null, closedAt: null,
      });
      this.ctx.log('pay_order_created', { subMchId, outTradeNo, totalFee, functionName, payer, requestNonce: nonce });
      return this.prepayAnswer(subMchId, prepayId, now);
    });
    if (envId !== this.ctx.env && answer.result_code === 'SUCCESS') {
      // One emulator hosts one environment: the callback runs here whatever env_id names.
      this.ctx.log('pay_order_foreign_env', { outTradeNo, envId, emulatorEnv: this.ctx.env });
    }
    return answer;
  }

  /** What the mini program passes to `wx.requestPayment`, signed as WeChat Pay v2 JSAPI does. */
  private prepayAnswer(subMchId: string, prepayId: string, now: number): WxPayAnswer {
    const unsigned = {
      appId: this.ctx.options.appid,
      timeStamp: String(Math.floor(now / 1000)),
      nonceStr: newNonce(),
      package: `prepay_id=${prepayId}`,
      signType: 'MD5',
    };
    const payment = { ...unsigned, paySign: md5Sign(unsigned, this.ctx.options.payKey) };
    return resultOk(this.ctx.options, subMchId, newNonce(), { trade_type: 'JSAPI', prepay_id: prepayId, payment });
  }

  queryOrder(p: PayParams): WxPayAnswer {
    const subMchId = p.string('sub_mch_id', { max: 32 });
    p.string('nonce_str', { max: 32 });
    const order = this.lookup(p, subMchId);
    if (!order) return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERNOTEXIST', '此交易订单号不存在');
    const fields: WxPayAnswer = {
      out_trade_no: order.outTradeNo,
      trade_state: order.state,
      trade_state_desc: TRADE_STATE_DESC[order.state],
      total_fee: order.totalFee,
      fee_type: order.feeType,
      trade_type: order.tradeType,
    };
    if (order.attach !== null) fields.attach = order.attach;
    if (isPaid(order.state) && order.payerOpenid !== null) {
      Object.assign(fields, {
        transaction_id: order.transactionId,
        time_end: order.timeEnd,
        cash_fee: order.totalFee,
        bank_type: 'OTHERS',
        openid: this.ctx.options.callbackOpenid === 'payer' ? order.payerOpenid : serviceProviderOpenid(order.payerOpenid),
        is_subscribe: 'N',
        sub_openid: order.payerOpenid,
        sub_is_subscribe: 'N',
      });
    }
    return resultOk(this.ctx.options, subMchId, newNonce(), fields);
  }

  closeOrder(p: PayParams): WxPayAnswer {
    const subMchId = p.string('sub_mch_id', { max: 32 });
    p.string('nonce_str', { max: 32 });
    const outTradeNo = p.string('out_trade_no', MERCHANT_NO);
    const now = this.ctx.clock.now();
    return this.ctx.store.atomically((): WxPayAnswer => {
      const order = this.ctx.store.getOrder(subMchId, outTradeNo);
      if (!order) return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERNOTEXIST', '订单不存在');
      if (isPaid(order.state)) return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERPAID', '订单已支付，不能发起关单');
      if (order.state === 'CLOSED') return resultFail(this.ctx.options, subMchId, newNonce(), 'ORDERCLOSED', '订单已关闭，无法重复关闭');
      if (now - order.createdAt < CLOSE_MIN_AGE_MS) {
        return resultFail(this.ctx.options, subMchId, newNonce(), 'INVALID_REQUEST', '订单生成后不能马上调用关单接口，最短调用时间间隔为5分钟');
      }
      const next = nextTradeState(order.state, 'close');
      if (next === undefined) return resultFail(this.ctx.options, subMchId, newNonce(), 'SYSTEMERROR', `订单状态${order.state}不能关单`);
      this.ctx.store.setOrderState(order, next, now);
      this.ctx.log('pay_order_closed', { subMchId, outTradeNo });
      return resultOk(this.ctx.options, subMchId, newNonce(), { result_msg: 'OK' });
    });
  }

  /** Finds the order a query names by transaction_id or out_trade_no, within the sub-merchant. */
  lookup(p: PayParams, subMchId: string): PayOrder | undefined {
    const transactionId = p.optionalString('transaction_id', { max: 32 });
    if (transactionId !== undefined) {
      const o = this.ctx.store.getOrderByTransactionId(transactionId);
      return o && o.subMchId === subMchId ? o : undefined;
    }
    const outTradeNo = p.optionalString('out_trade_no', MERCHANT_NO);
    if (outTradeNo === undefined) throw new PayParamProblem('out_trade_no or transaction_id is required');
    return this.ctx.store.getOrder(subMchId, outTradeNo);
  }

  /**
   * The shopper confirms (or cancels) `wx.requestPayment` for an order. Paying marks the order
   * SUCCESS and queues the payment notification; cancelling changes nothing, as in WeChat (the
   * order stays NOTPAY and no notification is sent).
   */
  pay(input: SimulatePayment): SimulatedPayment | Refusal {
    const now = this.ctx.clock.now();
    const result = this.ctx.store.atomically((): SimulatedPayment | Refusal => {
      const order = findOrderForControl(this.ctx.store, input.outTradeNo, input.subMchId);
      if (isRefusal(order)) return order;
      if (isPaid(order.state)) return refuse(409, 'ORDERPAID', `order ${order.outTradeNo} is already paid`);
      if (order.state === 'CLOSED') return refuse(409, 'ORDERCLOSED', `order ${order.outTradeNo} was closed and can no longer be paid`);
      if (now - order.prepayCreatedAt > PREPAY_TTL_MS) return refuse(409, 'PREPAY_EXPIRED', 'the prepay_id is over two hours old; call unifiedOrder again for a fresh one');
      const expire = order.timeExpire === null ? undefined : parseWxTime(order.timeExpire);
      if (expire !== undefined && now > expire) return refuse(409, 'ORDER_EXPIRED', `order ${order.outTradeNo} expired at ${order.timeExpire}`);
      if (order.payerOpenid !== null && input.openid !== undefined && input.openid !== order.payerOpenid) {
        return refuse(409, 'PAYER_MISMATCH', `order ${order.outTradeNo} was placed for openid ${order.payerOpenid}, not ${input.openid}`);
      }
      const payer = order.payerOpenid ?? input.openid;
      if (payer === undefined) return refuse(400, 'OPENID_REQUIRED', 'the order does not know its payer (unifiedOrder had no caller identity); pass openid');
      if (input.cancel) return { outTradeNo: order.outTradeNo, subMchId: order.subMchId, tradeState: order.state, outcome: 'cancelled' };
      const next = nextTradeState(order.state, 'pay');
      if (next !== 'SUCCESS') return refuse(409, 'TRADE_STATE', `order ${order.outTradeNo} in state ${order.state} cannot be paid`);
      const paid = { transactionId: newTransactionId(now), payerOpenid: payer, paidAt: now, timeEnd: formatWxTime(now) };
      this.ctx.store.markPaid(order, paid);
      const updated: PayOrder = { ...order, ...paid, state: next };
      const notificationId = this.ctx.notifier.record({
        kind: 'payment',
        subMchId: order.subMchId,
        outTradeNo: order.outTradeNo,
        outRefundNo: null,
        functionName: order.functionName,
        openid: payer,
        event: paymentEvent(updated, this.ctx.options),
        duplicates: input.duplicates,
        parallel: input.parallel,
      });
      return { outTradeNo: order.outTradeNo, subMchId: order.subMchId, tradeState: next, outcome: 'paid', transactionId: paid.transactionId, timeEnd: paid.timeEnd, notificationId };
    });
    if (!isRefusal(result) && result.notificationId !== undefined) {
      this.ctx.notifier.start(result.notificationId, input.delayMs);
      this.ctx.log('pay_order_paid', { outTradeNo: result.outTradeNo, transactionId: result.transactionId });
    }
    return result;
  }
}

export interface SimulatePayment {
  outTradeNo: string;
  subMchId?: string;
  openid?: string;
  cancel: boolean;
  duplicates: number;
  parallel: boolean;
  delayMs: number;
}

export interface SimulatedPayment {
  outTradeNo: string;
  subMchId: string;
  tradeState: string;
  outcome: 'paid' | 'cancelled';
  transactionId?: string;
  timeEnd?: string;
  notificationId?: number;
}
