/**
 * The create-order workflow: plan (read and price), then the saga claim-payment → reserve-stock →
 * lock-coupons → insert-orders → clear-cart. Idempotent by (openid, requestId): the payment id is
 * derived from them, so a resent request returns the payment and orders of the first one, and of
 * two identical requests arriving at once only one runs the saga while the other waits for it.
 */
import type { CreateOrderRequest, CreateOrderResult } from '../../../../miniprogram/contracts';
import { fail, isFailure } from '../../../../server/failure';
import type { CallContext } from '../../../../server/handler';
import { logEvent } from '../../../../server/log';
import type { PaymentDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { paymentIdOf, planCheckout } from '../checkout/plan-checkout';
import { runSaga } from './saga';
import { claimPayment } from './steps/claim-payment';
import { clearCart } from './steps/clear-cart';
import { insertOrders } from './steps/insert-orders';
import { lockCoupons } from './steps/lock-coupons';
import { reserveStock } from './steps/reserve-stock';

export const CREATE_ORDER_STEPS = [claimPayment, reserveStock, lockCoupons, insertOrders, clearCart] as const;

/** How long a duplicate request waits for the request that owns the checkout. */
const WAIT_FOR_TWIN_MS = 8_000;
const POLL_MS = 100;

function resultOf(p: PaymentDoc): CreateOrderResult {
  return { paymentId: p._id, orderIds: p.orderIds, payFen: p.totalFen, payDeadline: p.payDeadline.getTime() };
}

/**
 * Waits until the payment's orders all exist (the owner finished) and returns it, or returns null
 * once the payment is gone (the owner failed and undid everything).
 */
async function awaitPlaced(paymentId: string): Promise<PaymentDoc | null> {
  const until = Date.now() + WAIT_FOR_TWIN_MS;
  for (;;) {
    const payment = await repo.get('payments', paymentId);
    if (!payment) return null;
    if ((await repo.count('orders', { paymentId })) === payment.orderIds.length) return payment;
    if (Date.now() > until) return fail('CONFLICT', '订单正在创建中，请稍后在订单列表查看');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export async function createOrders(input: CreateOrderRequest, ctx: CallContext): Promise<CreateOrderResult> {
  const paymentId = paymentIdOf(ctx.openid, input.requestId);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await repo.get('payments', paymentId)) {
      const placed = await awaitPlaced(paymentId);
      if (placed) return resultOf(placed);
      continue;
    }
    try {
      const plan = await planCheckout(input, ctx);
      await runSaga('create-order', CREATE_ORDER_STEPS, plan);
      logEvent('checkout_created', { paymentId, orderIds: plan.payment.orderIds, totalFen: plan.payment.totalFen });
      return resultOf(plan.payment);
    } catch (e) {
      // Another request with this requestId got ahead: it claimed the payment first, or it took the
      // coupon or the last stock while this one was still reading. Its result is this request's result.
      if ((e as Error)?.name === 'CheckoutInProgress') continue;
      if (isFailure(e) && (await repo.get('payments', paymentId))) continue;
      throw e;
    }
  }
  return fail('CONFLICT', '订单正在创建中，请稍后在订单列表查看');
}
