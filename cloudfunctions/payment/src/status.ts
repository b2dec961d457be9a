import type { PaymentView } from '../../../miniprogram/contracts';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { repo } from '../../../server/repo';
import { ownPayment, paymentView } from './own-payment';
import { settleFromWeChat } from './settle-from-wechat';

/** The payment's state; an unpaid one is checked with WeChat Pay first and settled if paid. */
export const status: ActionDef<{ paymentId: string }, PaymentView> = {
  input: obj({ paymentId: id }, ['paymentId']),
  async run(input, ctx) {
    const payment = await ownPayment(ctx.openid, input.paymentId);
    await settleFromWeChat(payment, ctx.now);
    return paymentView((await repo.get('payments', payment._id)) ?? payment);
  },
};
