/** Orders as the shopper sees them (times in ms), with the actions the state machine allows now. */
import type { OrderDetail, OrderSummary } from '../../../../miniprogram/contracts';
import { afterSaleTypesFor, orderMachine } from '../../../../domain';
import type { OrderDoc, RefundDoc } from '../../../../server/model';

export function summaryView(o: OrderDoc): OrderSummary {
  return {
    id: o._id,
    shopId: o.shopId,
    shopName: o.shopName ?? '',
    status: o.status,
    // the settlement fields (platform-funded share, frozen commission rate) stay on the server
    lines: o.lines.map(({ categoryIds: _c, platformDiscountFen: _p, commissionBps: _b, ...line }) => line),
    payFen: o.payFen,
    totalQuantity: o.totalQuantity,
    createdAt: o.createdAt.getTime(),
    payDeadline: o.payDeadline.getTime(),
  };
}

/** What the shopper can do with the order at `now`. */
export function availableActions(o: OrderDoc, now: number): OrderDetail['actions'] {
  const actions: OrderDetail['actions'] = [];
  if (orderMachine.can(o.status, 'pay') && now < o.payDeadline.getTime()) actions.push('pay');
  // a paid order with after-sale requests is refunded through them (cancel-paid-order.ts refuses it)
  if (orderMachine.can(o.status, 'cancel') || (orderMachine.can(o.status, 'cancelPaid') && !o.afterSaleClaims?.length)) actions.push('cancel');
  if (orderMachine.can(o.status, 'confirm')) actions.push('confirm');
  return actions;
}

export function detailView(o: OrderDoc, refund: RefundDoc | null, now: number): OrderDetail {
  const d: OrderDetail = {
    ...summaryView(o),
    paymentId: o.paymentId,
    goodsFen: o.goodsFen,
    shippingFen: o.shippingFen,
    discountFen: o.discountFen,
    address: { ...o.address },
    remark: o.remark,
    history: o.history.map((h) => ({ event: h.event, at: h.at.getTime(), ...(h.note ? { note: h.note } : {}) })),
    actions: availableActions(o, now),
  };
  if (o.paidAt) d.paidAt = o.paidAt.getTime();
  if (o.shippedAt) d.shippedAt = o.shippedAt.getTime();
  if (o.completedAt) d.completedAt = o.completedAt.getTime();
  if (o.cancelledAt) d.cancelledAt = o.cancelledAt.getTime();
  if (o.autoConfirmAt) d.autoConfirmAt = o.autoConfirmAt.getTime();
  if (o.cancelReason) d.cancelReason = o.cancelReason;
  if (o.logistics) d.logistics = { ...o.logistics };
  if (refund) d.refund = { status: refund.status, amountFen: refund.amountFen };
  const afterSaleTypes = afterSaleTypesFor({ state: o.status, ...(o.completedAt ? { completedAt: o.completedAt.getTime() } : {}) }, now);
  if (afterSaleTypes.length) d.afterSaleTypes = afterSaleTypes;
  return d;
}
