/**
 * How the money of one paid order is split between the shop and the platform, before and after
 * refunds.
 *
 * Rules:
 * 1. The shop's base is what the shopper paid plus the platform-funded discounts
 *    (`payFen + platformDiscountFen` per line, plus shipping): the platform pays its own coupons
 *    (a `platform_subsidy` entry), the shop pays its own (they already lower `payFen`).
 * 2. Commission is per line, `commissionAt(linePayFen + linePlatformDiscountFen, commissionBps)`
 *    (rounded half up), with the rate frozen on the line when the order was paid. Shipping carries
 *    no commission and goes to the shop.
 * 3. So, with no refund, `shopFen + commissionFen = paidFen + subsidyFen` exactly.
 * 4. Refunds are spread over the whole order in proportion, never per line: once `refundedFen` of
 *    `paidFen` is refunded, the subsidy given back is `fractionOf(subsidyFen, refundedFen, paidFen)`
 *    (half up) and the commission and shop share reversed are `allocate(refundedFen + subsidyBack,
 *    [commissionFen, shopFen])`. These cumulative amounts never decrease as refunds grow (with two
 *    parts `allocate` is plain rounding), so each refund reverses the difference between two of
 *    them, the reversals always add up exactly and a full refund reverses everything.
 */
import { allocate, assertFen, Fen, fractionOf, sumFen } from '../money';
import { commissionAt } from './commission';

/** One line of a paid order, as settlement needs it. */
export interface SettlementLine {
  readonly payFen: Fen;
  readonly platformDiscountFen: Fen;
  /** The commission rate frozen when the order was paid (`commissionBpsFor`). */
  readonly commissionBps: number;
}

/** A paid order, as the ledger needs it. */
export interface SettlementOrder {
  readonly orderId: string;
  readonly paymentId: string;
  readonly shopId: string;
  /** What the shopper paid for this order: the lines plus shipping (at least 1 fen). */
  readonly payFen: Fen;
  readonly shippingFen: Fen;
  readonly lines: readonly SettlementLine[];
}

/** The split of an order's money; `shopFen + commissionFen = paidFen + subsidyFen`. */
export interface SettlementSplit {
  readonly paidFen: Fen;
  readonly subsidyFen: Fen;
  readonly commissionFen: Fen;
  readonly shopFen: Fen;
}

/** Throws a RangeError unless the order's amounts are valid and its lines plus shipping make its `payFen`. */
export function assertSettlementOrder(order: SettlementOrder): void {
  assertFen(order.payFen, 'payFen');
  assertFen(order.shippingFen, 'shippingFen');
  if (order.payFen < 1) throw new RangeError(`order ${order.orderId} paid nothing`);
  order.lines.forEach((line, i) => {
    assertFen(line.payFen, `lines[${i}].payFen`);
    assertFen(line.platformDiscountFen, `lines[${i}].platformDiscountFen`);
  });
  const total = sumFen([...order.lines.map((l) => l.payFen), order.shippingFen]);
  if (total !== order.payFen) throw new RangeError(`order ${order.orderId}: lines plus shipping make ${total}, not ${order.payFen}`);
}

/** Returns the split of an order with nothing refunded. */
export function settlementSplit(order: SettlementOrder): SettlementSplit {
  assertSettlementOrder(order);
  const commissionFen = sumFen(order.lines.map((l) => commissionAt(l.payFen + l.platformDiscountFen, l.commissionBps)));
  const subsidyFen = sumFen(order.lines.map((l) => l.platformDiscountFen));
  return { paidFen: order.payFen, subsidyFen, commissionFen, shopFen: order.payFen + subsidyFen - commissionFen };
}

/** Returns what a cumulative refund of `refundedFen` takes back from each part of `split`. */
export function reversedShare(split: SettlementSplit, refundedFen: Fen): SettlementSplit {
  assertFen(refundedFen, 'refundedFen');
  if (refundedFen > split.paidFen) throw new RangeError(`refundedFen ${refundedFen} exceeds paidFen ${split.paidFen}`);
  const subsidyFen = fractionOf(split.subsidyFen, refundedFen, split.paidFen);
  const [commissionFen, shopFen] = allocate(refundedFen + subsidyFen, [split.commissionFen, split.shopFen]);
  return { paidFen: refundedFen, subsidyFen, commissionFen, shopFen };
}

/** Returns what is left of `split` once `refundedFen` was refunded in total. */
export function remainingShare(split: SettlementSplit, refundedFen: Fen): SettlementSplit {
  const back = reversedShare(split, refundedFen);
  return {
    paidFen: split.paidFen - back.paidFen,
    subsidyFen: split.subsidyFen - back.subsidyFen,
    commissionFen: split.commissionFen - back.commissionFen,
    shopFen: split.shopFen - back.shopFen,
  };
}
