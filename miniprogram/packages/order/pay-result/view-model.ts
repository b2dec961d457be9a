import type { PaymentView } from '../../../services/contracts';
import { formatFen } from '../../../services/format';

export interface PayResultView {
  theme: 'success' | 'warning' | 'default';
  title: string;
  description: string;
  amountText: string;
  /** The payment can still be paid: offer 继续支付. */
  payable: boolean;
}

export function toPayResultView(payment: PaymentView): PayResultView {
  const amountText = formatFen(payment.totalFen);
  switch (payment.status) {
    case 'paid':
      return { theme: 'success', title: '支付成功', description: '商家会尽快为你发货', amountText, payable: false };
    case 'created':
      return { theme: 'warning', title: '订单尚未支付', description: '订单已提交，请在支付期限内完成支付，超时订单将自动取消', amountText, payable: true };
    case 'closed':
      return { theme: 'default', title: '订单已关闭', description: '超时未支付或已取消，如需购买请重新下单', amountText, payable: false };
    case 'refunding':
      return { theme: 'default', title: '退款处理中', description: '款项将原路退回', amountText, payable: false };
    default:
      return { theme: 'default', title: '已退款', description: '款项已原路退回', amountText, payable: false };
  }
}
