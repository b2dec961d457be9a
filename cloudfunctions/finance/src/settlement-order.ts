/** An order document as the ledger rules need it (domain `SettlementOrder`). */
import type { SettlementOrder } from '../../../domain';
import type { OrderDoc } from '../../../server/model';

/**
 * Lines paid before rates were frozen (older data) take `defaultBps`; lines without a recorded
 * platform-funded discount count the whole discount as the shop's own.
 */
export function settlementOrderOf(order: OrderDoc, defaultBps: number): SettlementOrder {
  return {
    orderId: order._id,
    paymentId: order.paymentId,
    shopId: order.shopId,
    payFen: order.payFen,
    shippingFen: order.shippingFen,
    lines: order.lines.map((l) => ({ payFen: l.payFen, platformDiscountFen: l.platformDiscountFen ?? 0, commissionBps: l.commissionBps ?? defaultBps })),
  };
}
