/** Orders as the shop sees them: the shopper's view plus buyer, note and after-sales. */
import type { ShopOrderDetail, ShopOrderSummary } from '../../../miniprogram/contracts';
import { afterSaleMachine, orderMachine } from '../../../domain';
import type { AfterSaleDoc, OrderDoc, RefundDoc } from '../../../server/model';
import { detailView, summaryView } from '../../order/src/views/order-views';

export function shopOrderSummary(o: OrderDoc, openAfterSales: number): ShopOrderSummary {
  return { ...summaryView(o), buyerName: o.address.name, openAfterSales };
}

export function shopOrderDetail(o: OrderDoc, refund: RefundDoc | null, afterSales: AfterSaleDoc[], now: number): ShopOrderDetail {
  const { actions: _shopperActions, ...view } = detailView(o, refund, now);
  const actions: ShopOrderDetail['actions'] = ['note'];
  if (orderMachine.can(o.status, 'ship')) actions.unshift('ship');
  const issued = afterSales.filter((a) => a.status === afterSaleMachine.transitions.refundDone.to || afterSaleMachine.transitions.refundDone.from.includes(a.status));
  const lineRefunds = o.lines.map((_line, i) => {
    const mine = issued.flatMap((a) => a.lines.filter((l) => l.lineIndex === i));
    return { quantity: mine.reduce((s, l) => s + l.quantity, 0), amountFen: mine.reduce((s, l) => s + l.amountFen, 0) };
  });
  return {
    ...view,
    lineRefunds,
    buyerName: o.address.name,
    merchantNote: o.merchantNote ?? '',
    actions,
    afterSales: afterSales
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((a) => ({ id: a._id, status: a.status, type: a.type, amountFen: a.amountFen, createdAt: a.createdAt.getTime() })),
  };
}
