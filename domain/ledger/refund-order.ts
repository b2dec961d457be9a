/**
 * Recording a refund of an order in the ledger, once the refund succeeded.
 *
 * Every refund writes `refund:<refundId>:shopper` (the shopper receives the amount). Before
 * settlement that is all: settlement later credits only what is left. After settlement the refund
 * also reverses its share of the settlement (see `settlement-split.ts`, rule 4): the shop is
 * debited (`refund:<refundId>:shop`, which can make its available balance negative), the
 * commission is reversed (`refund:<refundId>:commission`) and the platform takes back its share of
 * the subsidy (`refund:<refundId>:subsidy`); zero reversals are left out. A refund already in the
 * ledger gives no entries, so a repeated refund result never refunds twice.
 */
import { Fen } from '../money';
import { ok, Outcome } from '../result';
import { checkRefundAmount, RefundAmountCode } from '../refund/refund-machine';
import { assertMillis } from '../time';
import { LedgerEntry } from './ledger-entry';
import { isSettled, refundedFenOf } from './settle-order';
import { reversedShare, SettlementOrder, settlementSplit } from './settlement-split';

/** What {@link refundOrder} needs. */
export interface RefundOrderInput {
  readonly order: SettlementOrder;
  readonly refundId: string;
  readonly amountFen: Fen;
  /** Every ledger entry already recorded for the order. */
  readonly entries: readonly LedgerEntry[];
  readonly now: number;
}

/**
 * Returns the entries of a refund of `amountFen` of an order, or `REFUND_AMOUNT_INVALID` /
 * `REFUND_AMOUNT_EXCEEDED` when the amount is under 1 fen or more than is still refundable.
 */
export function refundOrder(input: RefundOrderInput): Outcome<LedgerEntry[], RefundAmountCode> {
  const { order, refundId, amountFen, entries, now } = input;
  assertMillis(now, 'now');
  const split = settlementSplit(order);
  const shopperId = `refund:${refundId}:shopper`;
  if (entries.some((e) => e.id === shopperId)) return ok([]);
  const before = refundedFenOf(entries, order.orderId);
  const checked = checkRefundAmount({ paidFen: order.payFen, alreadyRefundedFen: before, requestedFen: amountFen });
  if (!checked.ok) return checked;
  const base = { kind: 'refund', shopId: order.shopId, paymentId: order.paymentId, orderId: order.orderId, refundId, at: now } as const;
  const result: LedgerEntry[] = [{ ...base, id: shopperId, account: 'shopper_refund', amountFen }];
  if (!isSettled(entries, order.orderId)) return ok(result);
  const from = reversedShare(split, before);
  const to = reversedShare(split, before + amountFen);
  const reversals: LedgerEntry[] = [
    { ...base, id: `refund:${refundId}:shop`, account: 'shop_available', amountFen: -(to.shopFen - from.shopFen) },
    { ...base, id: `refund:${refundId}:commission`, account: 'platform_commission', amountFen: -(to.commissionFen - from.commissionFen) },
    { ...base, id: `refund:${refundId}:subsidy`, account: 'platform_subsidy', amountFen: to.subsidyFen - from.subsidyFen },
  ];
  return ok([...result, ...reversals.filter((e) => e.amountFen !== 0)]);
}
