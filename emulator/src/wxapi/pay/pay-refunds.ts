import { type PayContext, type Refusal, refuse } from './pay-context';
import { refundEvent } from './pay-events';
import { formatWxDateTime, newNonce, newRefundId } from './pay-format';
import type { PayOrders } from './pay-orders';
import { MERCHANT_NO, PayParamProblem, type PayParams, REFUND_NO, type WxPayAnswer, resultFail, resultOk } from './pay-params';
import type { PayRefund } from './pay-store';
import { type RefundOutcome, canSettleRefund, isPaid, nextTradeState, refundHoldsAmount } from './trade-state';

/** WeChat Pay allows at most 50 partial refunds per payment. */
export const MAX_REFUNDS_PER_ORDER = 50;
/** refundquery pages through an order's refunds ten at a time. */
const QUERY_PAGE = 10;

/**
 * `refund` and `queryRefund`, and the bank settling refunds. A refund is accepted as PROCESSING,
 * then settles (automatically after `refundSettleDelayMs`, or through the control API) and its
 * result is sent to the function named by the refund request's `function_name`.
 */
export class PayRefunds {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly ctx: PayContext,
    private readonly orders: PayOrders,
  ) {}

  refund(p: PayParams): WxPayAnswer {
    const subMchId = p.string('sub_mch_id', { max: 32 });
    p.string('nonce_str', { max: 32 });
    const outRefundNo = p.string('out_refund_no', REFUND_NO);
    const totalFee = p.positiveInt('total_fee');
    const refundFee = p.positiveInt('refund_fee');
    const refundDesc = p.optionalString('refund_desc', { max: 80 }) ?? null;
    const functionName = p.optionalString('function_name') ?? null;
    const envId = p.optionalString('env_id') ?? null;
    if (p.has('refund_fee_type') && p.raw.refund_fee_type !== 'CNY') throw new PayParamProblem('refund_fee_type must be CNY');
    const m = this.ctx.options;
    const now = this.ctx.clock.now();

    const outcome = this.ctx.store.atomically((): { answer: WxPayAnswer; created?: PayRefund } => {
      const order = this.orders.lookup(p, subMchId);
      if (!order) return { answer: resultFail(m, subMchId, newNonce(), 'ORDERNOTEXIST', '订单不存在') };
      const previous = this.ctx.store.getRefund(subMchId, outRefundNo);
      if (previous) {
        // Same out_refund_no: the same refund again (idempotent), or a conflicting reuse.
        if (previous.outTradeNo !== order.outTradeNo || previous.totalFee !== totalFee || previous.refundFee !== refundFee) {
          return { answer: resultFail(m, subMchId, newNonce(), 'PARAM_ERROR', '订单金额或退款金额与之前请求不一致，请核实后再试') };
        }
        return { answer: this.refundAnswer(order.transactionId, previous) };
      }
      if (!isPaid(order.state)) return { answer: resultFail(m, subMchId, newNonce(), 'TRADE_STATE_ERROR', '订单状态错误，未支付的订单不能退款') };
      if (totalFee !== order.totalFee) return { answer: resultFail(m, subMchId, newNonce(), 'PARAM_ERROR', 'total_fee与订单金额不一致') };
      const existing = this.ctx.store.refundsOfOrder(subMchId, order.outTradeNo);
      if (existing.length >= MAX_REFUNDS_PER_ORDER) return { answer: resultFail(m, subMchId, newNonce(), 'ERROR', '该订单退款次数已达上限') };
      const held = existing.filter((r) => refundHoldsAmount(r.status)).reduce((sum, r) => sum + r.refundFee, 0);
      if (held + refundFee > order.totalFee) return { answer: resultFail(m, subMchId, newNonce(), 'ERROR', '累计退款金额大于支付金额') };
      const next = nextTradeState(order.state, 'refund');
      if (next === undefined) return { answer: resultFail(m, subMchId, newNonce(), 'TRADE_STATE_ERROR', '订单状态错误') };
      const created: PayRefund = {
        subMchId, outRefundNo, outTradeNo: order.outTradeNo, refundId: newRefundId(now), totalFee, refundFee, refundDesc,
        envId, functionName, status: 'PROCESSING', createdAt: now, settledAt: null,
      };
      this.ctx.store.insertRefund(created);
      this.ctx.store.setOrderState(order, next);
      this.ctx.log('pay_refund_accepted', { subMchId, outTradeNo: order.outTradeNo, outRefundNo, refundFee, functionName });
      return { answer: this.refundAnswer(order.transactionId, created), created };
    });
    if (outcome.created && this.ctx.options.autoSettleRefunds) this.settleLater(outcome.created, this.ctx.options.refundSettleDelayMs);
    return outcome.answer;
  }

  private refundAnswer(transactionId: string | null, r: PayRefund): WxPayAnswer {
    return resultOk(this.ctx.options, r.subMchId, newNonce(), {
      transaction_id: transactionId,
      out_trade_no: r.outTradeNo,
      out_refund_no: r.outRefundNo,
      refund_id: r.refundId,
      refund_fee: r.refundFee,
      total_fee: r.totalFee,
      cash_fee: r.totalFee,
      cash_refund_fee: r.refundFee,
      coupon_refund_fee: 0,
      coupon_refund_count: 0,
    });
  }

  queryRefund(p: PayParams): WxPayAnswer {
    const subMchId = p.string('sub_mch_id', { max: 32 });
    p.string('nonce_str', { max: 32 });
    const offset = p.optionalNonNegativeInt('offset') ?? 0;
    const m = this.ctx.options;
    const notFound = () => resultFail(m, subMchId, newNonce(), 'REFUNDNOTEXIST', '退款订单查询失败');
    let refunds: PayRefund[];
    const refundId = p.optionalString('refund_id', { max: 32 });
    const outRefundNo = p.optionalString('out_refund_no', REFUND_NO);
    if (refundId !== undefined || outRefundNo !== undefined) {
      const one = refundId !== undefined ? this.ctx.store.getRefundById(refundId) : this.ctx.store.getRefund(subMchId, outRefundNo ?? '');
      if (!one || one.subMchId !== subMchId) return notFound();
      refunds = [one];
    } else {
      if (!p.has('transaction_id') && !p.has('out_trade_no')) throw new PayParamProblem('one of out_refund_no, refund_id, out_trade_no, transaction_id is required');
      const order = this.orders.lookup(p, subMchId);
      if (!order) return notFound();
      refunds = this.ctx.store.refundsOfOrder(subMchId, order.outTradeNo);
    }
    if (refunds.length === 0) return notFound();
    const order = this.ctx.store.getOrder(subMchId, refunds[0]!.outTradeNo);
    if (!order) return notFound();
    const page = refunds.slice(offset, offset + QUERY_PAGE);
    return resultOk(m, subMchId, newNonce(), {
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      total_fee: order.totalFee,
      cash_fee: order.totalFee,
      total_refund_count: refunds.length,
      refund_count: page.length,
      out_refund_no_list: page.map((r) => r.outRefundNo),
      refund_id_list: page.map((r) => r.refundId),
      refund_channel: page.map(() => 'ORIGINAL'),
      refund_fee_list: page.map((r) => r.refundFee),
      settlement_refund_fee_list: page.map((r) => (r.status === 'SUCCESS' ? r.refundFee : 0)),
      refund_status_list: page.map((r) => r.status),
      refund_account_list: page.map(() => 'REFUND_SOURCE_UNSETTLED_FUNDS'),
      refund_recv_accout_list: page.map(() => '支付用户零钱'),
      refund_success_time_list: page.map((r) => (r.status === 'SUCCESS' && r.settledAt !== null ? formatWxDateTime(r.settledAt) : '')),
    });
  }

  /**
   * Settles a PROCESSING refund (the bank's answer) and queues its notification when the refund
   * named a callback function. `delayMs` delays the first delivery.
   */
  settle(input: { outRefundNo: string; subMchId?: string; status: RefundOutcome; duplicates: number; delayMs: number }): SettledRefund | Refusal {
    const now = this.ctx.clock.now();
    const result = this.ctx.store.atomically((): SettledRefund | Refusal => {
      const candidates = input.subMchId !== undefined
        ? [this.ctx.store.getRefund(input.subMchId, input.outRefundNo)].filter((r): r is PayRefund => r !== undefined)
        : this.ctx.store.findRefundsByOutRefundNo(input.outRefundNo);
      if (candidates.length === 0) return refuse(404, 'REFUND_NOT_FOUND', `no refund ${input.outRefundNo}`);
      if (candidates.length > 1) return refuse(409, 'AMBIGUOUS_REFUND', `several sub-merchants have a refund ${input.outRefundNo}; pass subMchId`);
      const refund = candidates[0]!;
      if (!canSettleRefund(refund.status, input.status)) return refuse(409, 'REFUND_SETTLED', `refund ${refund.outRefundNo} is already ${refund.status}`);
      if (!this.ctx.store.settleRefund(refund, input.status, now)) return refuse(409, 'REFUND_SETTLED', `refund ${refund.outRefundNo} was settled concurrently`);
      const settled: PayRefund = { ...refund, status: input.status, settledAt: now };
      const order = this.ctx.store.getOrder(refund.subMchId, refund.outTradeNo);
      let notificationId: number | undefined;
      if (order && settled.functionName !== null) {
        notificationId = this.ctx.notifier.record({
          kind: 'refund',
          subMchId: settled.subMchId,
          outTradeNo: settled.outTradeNo,
          outRefundNo: settled.outRefundNo,
          functionName: settled.functionName,
          openid: order.payerOpenid,
          event: refundEvent(order, settled, this.ctx.options),
          duplicates: input.duplicates,
          parallel: false,
        });
      }
      return { outRefundNo: settled.outRefundNo, outTradeNo: settled.outTradeNo, subMchId: settled.subMchId, status: input.status, notificationId };
    });
    if ('notificationId' in result && result.notificationId !== undefined) this.ctx.notifier.start(result.notificationId, input.delayMs);
    if (!('refused' in result)) this.ctx.log('pay_refund_settled', { outRefundNo: result.outRefundNo, status: result.status });
    return result;
  }

  /** Settles refunds left PROCESSING by a previous run (when refunds settle automatically). */
  resume(): void {
    if (!this.ctx.options.autoSettleRefunds) return;
    for (const r of this.ctx.store.processingRefunds()) this.settleLater(r, 0);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private settleLater(r: PayRefund, delayMs: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      const outcome = this.settle({ outRefundNo: r.outRefundNo, subMchId: r.subMchId, status: 'SUCCESS', duplicates: 0, delayMs: 0 });
      if ('refused' in outcome && outcome.code !== 'REFUND_SETTLED') this.ctx.log('pay_refund_autosettle_failed', { outRefundNo: r.outRefundNo, reason: outcome.message });
    }, delayMs);
    this.timers.add(t);
  }
}

export interface SettledRefund {
  outRefundNo: string;
  outTradeNo: string;
  subMchId: string;
  status: RefundOutcome;
  notificationId?: number;
}
