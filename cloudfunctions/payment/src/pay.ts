/**
 * Places the WeChat Pay order of an unpaid payment (outTradeNo = payment id, amount = the total
 * of its orders) and returns what `wx.requestPayment` needs. WeChat answers the same prepay for
 * the same parameters, so paying again after closing the sheet re-uses it; the order expires at
 * WeChat at the payment deadline, when the timer cancels it here.
 */
import type { PaymentParams, PaymentView } from '../../../miniprogram/contracts';
import { paymentMachine } from '../../../domain';
import { cloud } from '../../../server/cloud';
import * as wxPay from '../../../server/checkout/wx-pay';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import type { PaymentDoc } from '../../../server/model';
import { repo } from '../../../server/repo';
import { ownPayment, paymentView } from './own-payment';
import { settleFromWeChat } from './settle-from-wechat';

/**
 * WeChat Pay wants an order to stay payable for at least a minute (`time_expire`); in the last
 * minute before the deadline a new pay sheet is refused rather than letting money arrive late.
 */
export const MIN_PAY_WINDOW_MS = 60_000;

/** WeChat's `body`: "shop-goods", short enough for its 128-byte limit in UTF-8. */
async function bodyOf(p: PaymentDoc): Promise<string> {
  const orders = await repo.getMany('orders', p.orderIds);
  const first = orders.get(p.orderIds[0]);
  const title = first ? `${first.shopName || '商城'}-${first.lines[0]?.title ?? '商品'}` : '商城订单';
  return `${title.slice(0, 36)}${p.orderIds.length > 1 || (first?.lines.length ?? 0) > 1 ? '等' : ''}`;
}

export const pay: ActionDef<{ paymentId: string }, { params: PaymentParams; payment: PaymentView }> = {
  input: obj({ paymentId: id }, ['paymentId']),
  async run(input, ctx) {
    const payment = await ownPayment(ctx.openid, input.paymentId);
    if (!paymentMachine.can(payment.status, 'succeed')) fail('PAYMENT_STATE_INVALID', payment.status === 'paid' ? '订单已支付' : '订单已取消');
    if (ctx.now > payment.payDeadline.getTime() - MIN_PAY_WINDOW_MS) fail('PAYMENT_STATE_INVALID', '支付已超时，订单将自动取消');
    wxPay.subMchId(); // a missing WeChat Pay setting fails here, before any change
    // recorded before asking WeChat, so a cancel racing with this call asks WeChat first
    if (!payment.prepayAt) await repo.update('payments', payment._id, { prepayAt: new Date(ctx.now), updatedAt: new Date(ctx.now) }, { status: payment.status });
    const clientIp = String((cloud.getWXContext() as { CLIENTIP?: string }).CLIENTIP || '127.0.0.1');
    const placed = await wxPay.unifiedOrder({ outTradeNo: payment._id, totalFee: payment.totalFen, body: await bodyOf(payment), clientIp, expireAt: payment.payDeadline.getTime() });
    if (!placed.ok) {
      if (/已支付/.test(placed.reason)) {
        await settleFromWeChat(payment, ctx.now);
        fail('PAYMENT_STATE_INVALID', '订单已支付');
      }
      return fail('PAYMENT_FAILED', `微信支付下单失败：${placed.reason}`);
    }
    return { params: placed.value, payment: paymentView(payment) };
  },
};
