/**
 * Issuing an after-sale refund: the shop approves a refund-only request (requested → refunding) or
 * confirms a returned parcel (returning → refunding). One transaction moves the request, records
 * the refund (reason `after_sale`, number `A<afterSaleId>`, part of the payment's total) and, when
 * refunds now cover every unit of every line, closes a paid or shipped order (order event
 * `refundAll`; a completed order stays completed and simply settles nothing). After the commit:
 * - stock goes back to the SKUs for a confirmed return, and for refund only on an order that was
 *   never shipped (guarded by the request's `restockedAt`, so at most once);
 * - coupons come back only when the order was closed before shipping (every unit refunded) and
 *   every order of the payment that used them is closed (order/src/lifecycle/release.ts); a
 *   partial refund or a refund after shipping never returns a coupon;
 * - the refund goes to cloudPay.refund; its result (payment function) moves the request to refunded.
 *   A submit that fails is retried by the payment function's refund timer.
 */
import { type AfterSaleEvent, afterSaleMachine, checkRefundAmount, isFullyRefunded, orderMachine } from '../../../domain';
import { afterSaleRefundId } from '../../../server/aftersale/finish-refund';
import { _ } from '../../../server/cloud';
import { withEvent } from '../../../server/checkout/history';
import { newRefund, submitRefund } from '../../../server/checkout/refunds';
import { subMchId } from '../../../server/checkout/wx-pay';
import { fail } from '../../../server/failure';
import { logEvent } from '../../../server/log';
import type { AfterSaleDoc, HistoryEntry, OrderDoc } from '../../../server/model';
import { inTransaction, repo } from '../../../server/repo';
import { putBack } from '../../order/src/create/steps/reserve-stock';
import { restoreCouponsOfClosedOrders } from '../../order/src/lifecycle/release';
import { claimsOf, refundingClaims } from './claims';

async function refundedSoFar(paymentId: string, except: string): Promise<number> {
  const refunds = await repo.find('refunds', { paymentId }, { limit: 100, fields: { amountFen: true } });
  return refunds.filter((r) => r._id !== except).reduce((sum, r) => sum + r.amountFen, 0);
}

/** Puts the request's units back on their SKUs once. */
async function restock(a: AfterSaleDoc, now: number): Promise<void> {
  const at = new Date(now);
  if (!(await repo.update('after_sales', a._id, { restockedAt: at }, { restocked: true, restockedAt: _.exists(false) }))) return;
  for (const l of a.lines) if (l.goodsId) await putBack({ skuId: l.skuId, goodsId: l.goodsId, quantity: l.quantity }, at);
  logEvent('after_sale_restocked', { afterSaleId: a._id, lines: a.lines.length });
}

type Issued = { after: AfterSaleDoc; closed: OrderDoc | null; closedFromPaid: boolean };

export async function issueRefund(a: AfterSaleDoc, event: Extract<AfterSaleEvent, 'approveRefund' | 'confirmReturn'>, o: { by: string; now: number; note?: string }): Promise<AfterSaleDoc> {
  subMchId(); // the refund needs it: a missing WeChat Pay setting fails here, before any change
  const payment = (await repo.get('payments', a.paymentId)) ?? fail('INTERNAL', `payment ${a.paymentId} missing`);
  const refundId = afterSaleRefundId(a._id);
  const room = checkRefundAmount({ paidFen: payment.totalFen, alreadyRefundedFen: await refundedSoFar(payment._id, refundId), requestedFen: a.amountFen });
  if (!room.ok) fail('REFUND_AMOUNT_EXCEEDED', '退款金额超过订单可退金额', room.details);
  const refund = newRefund({ id: refundId, paymentId: payment._id, orderId: a.orderId, openid: a.openid, totalFen: payment.totalFen, amountFen: a.amountFen, reason: 'after_sale', now: o.now });
  const at = new Date(o.now);

  const issued = await inTransaction(async (tx): Promise<Issued | null> => {
    const current = await tx.get('after_sales', a._id);
    const next = current && afterSaleMachine.next(current.status, event);
    const order = current && (await tx.get('orders', current.orderId));
    if (!current || !next || !next.ok || !order) return null;
    const entry: HistoryEntry = { event, at, by: o.by, ...(o.note ? { note: o.note.slice(0, 200) } : {}) };
    const patch = {
      status: next.value,
      refundId,
      restocked: event === 'confirmReturn' || order.status === orderMachine.transitions.ship.from[0],
      ...(o.note ? { shopNote: o.note.slice(0, 200) } : {}),
      updatedAt: at,
      history: [...current.history, entry].slice(-50),
    };
    await tx.update('after_sales', a._id, patch);
    if (!(await tx.get('refunds', refundId))) await tx.insert('refunds', refund);
    const after = { ...current, ...patch };
    const claims = (await claimsOf(order, tx)).map((c) => (c.afterSaleId === a._id ? { ...c, status: after.status } : c));
    const close = orderMachine.next(order.status, 'refundAll');
    if (!close.ok || !isFullyRefunded(order.lines, refundingClaims(claims))) return { after, closed: null, closedFromPaid: false };
    // stock of a closed order is handled per request above: mark it released so the order timer's recovery pass leaves it alone
    const orderPatch = { status: close.value, cancelledAt: at, cancelReason: '全部商品已退款', stockReleasedAt: at, updatedAt: at, history: withEvent(order.history, 'refundAll', o.now, { by: o.by }) };
    await tx.update('orders', order._id, orderPatch);
    return { after, closed: { ...order, ...orderPatch }, closedFromPaid: order.status === orderMachine.transitions.ship.from[0] };
  });
  if (!issued) return fail('AFTER_SALE_STATE_INVALID', '售后申请状态已变化，请刷新', { status: a.status });

  logEvent('after_sale_refund_issued', { afterSaleId: a._id, refundId, amountFen: a.amountFen, orderClosed: !!issued.closed });
  if (issued.after.restocked) await restock(issued.after, o.now);
  if (issued.closed && issued.closedFromPaid) await restoreCouponsOfClosedOrders(issued.closed, o.now);
  await submitRefund(refund, o.now);
  return issued.after;
}
