/**
 * Giving back what cancelled and closed orders held. Every release is guarded so that a repeat
 * (a retry after a crash, the timer's recovery pass, two paths racing) changes nothing:
 * - stock: the order's `stockReleasedAt` is claimed by a conditional update before the stock goes
 *   back, so it goes back at most once (a crash right after the claim loses that release:
 *   stock ends up too low, never oversold);
 * - coupons: each coupon moves by a conditional update on its status and `lockedBy`, with the
 *   target state from the domain's `returnCoupon` (unused, or expired when past `validTo`).
 */
import { orderMachine, returnCoupon, userCouponMachine } from '../../../../domain';
import { _ } from '../../../../server/cloud';
import type { OrderDoc, UserCouponDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { putBack } from '../create/steps/reserve-stock';

/** Order states whose stock goes back: cancelled before payment, closed after a paid cancel. */
export const RELEASING_STATES = [orderMachine.transitions.cancel.to, orderMachine.transitions.cancelPaid.to];

/** Puts an order's stock back once; returns false when it already was. */
export async function releaseOrderStock(order: OrderDoc, now: number): Promise<boolean> {
  if (order.stockReleasedAt) return false;
  const at = new Date(now);
  const claimed = await repo.update('orders', order._id, { stockReleasedAt: at }, { status: _.in(RELEASING_STATES), stockReleasedAt: _.exists(false) });
  if (!claimed) return false;
  for (const line of order.lines) await putBack({ skuId: line.skuId, goodsId: line.goodsId, quantity: line.quantity }, at);
  return true;
}

async function giveBack(coupon: UserCouponDoc, paymentId: string, now: number): Promise<boolean> {
  const target = returnCoupon({ status: coupon.status, validTo: coupon.validTo.getTime() }, now);
  if (!target.ok) return false;
  const patch: Record<string, unknown> = { status: target.value, lockedBy: null, updatedAt: new Date(now) };
  if (coupon.usedAt) patch.usedAt = _.remove();
  const moved = await repo.update('user_coupons', coupon._id, patch, { status: coupon.status, lockedBy: paymentId });
  if (moved && coupon.status === userCouponMachine.transitions.restore.from[0]) await repo.update('coupon_templates', coupon.templateId, { usedCount: _.inc(-1) });
  return moved;
}

/** Coupons still locked by a closed payment go back to the wallet. */
export async function releaseLockedCoupons(paymentId: string, now: number): Promise<void> {
  const locked = await repo.find('user_coupons', { lockedBy: paymentId, status: userCouponMachine.transitions.release.from[0] }, { limit: 50 });
  for (const c of locked) await giveBack(c, paymentId, now);
}

/**
 * A used coupon comes back only when every order of the payment that used it was closed before
 * shipping (a platform coupon spread over several shops' orders stays used while any of them goes
 * on: each order's refund is what that order paid, after its share of the discount).
 */
export async function restoreCouponsOfClosedOrders(order: OrderDoc, now: number): Promise<void> {
  if (order.couponIds.length === 0) return;
  const siblings = await repo.find('orders', { paymentId: order.paymentId }, { limit: 50, fields: { status: true, couponIds: true } });
  for (const couponId of order.couponIds) {
    const holders = siblings.filter((o) => o.couponIds.includes(couponId));
    if (!holders.every((o) => o.status === orderMachine.transitions.cancelPaid.to)) continue;
    const coupon = await repo.get('user_coupons', couponId);
    if (coupon && coupon.lockedBy === order.paymentId) await giveBack(coupon, order.paymentId, now);
  }
}

/** Finishes the release of a cancelled or closed order (also the timer's recovery pass). */
export async function finishRelease(order: OrderDoc, now: number): Promise<void> {
  if (order.status === orderMachine.transitions.cancel.to) await releaseLockedCoupons(order.paymentId, now);
  else await restoreCouponsOfClosedOrders(order, now);
  await releaseOrderStock(order, now);
}
