/**
 * How much of an order can still be asked back, line by line. Every after-sale request in progress
 * or done holds a *claim* per line (quantity and amount); rejected and cancelled requests drop
 * theirs. A line can give back at most what it paid (`payFen`, after its share of coupons) minus
 * what claims already hold, and at most its quantity minus the claimed quantity. The server
 * computes these maxima; a client amount is only accepted up to them.
 *
 * For part of a line's quantity the cap is that part's share of what the line paid
 * (`fractionOf(payFen, quantity, lineQuantity)`, half up); the request that takes the last units
 * of a line may take everything the line has left. Shipping goes back only with the request that
 * refunds every remaining unit of an order that was never shipped.
 */
import { Fen, fractionOf } from '../money';
import { fail, ok, Outcome } from '../result';
import { settlementDueAt } from '../ledger/settle-order';
import type { AfterSaleType } from './aftersale-machine';

/** What an after-sale needs to know about an order line. */
export interface RefundableLine {
  readonly quantity: number;
  readonly payFen: Fen;
}

/** One request's hold on one line. `open`: the request is not refunded yet. */
export interface AfterSaleClaim {
  readonly afterSaleId: string;
  readonly lineIndex: number;
  readonly quantity: number;
  readonly amountFen: Fen;
  readonly open: boolean;
}

/** What is left of a line. `busy`: an open request holds it, so it takes no new one. */
export interface LineAllowance {
  readonly lineIndex: number;
  readonly maxQuantity: number;
  readonly maxFen: Fen;
  readonly busy: boolean;
}

/** Returns what each line can still give back. */
export function lineAllowances(lines: readonly RefundableLine[], claims: readonly AfterSaleClaim[]): LineAllowance[] {
  return lines.map((line, lineIndex) => {
    const mine = claims.filter((c) => c.lineIndex === lineIndex);
    const quantity = mine.reduce((s, c) => s + c.quantity, 0);
    const fen = mine.reduce((s, c) => s + c.amountFen, 0);
    return { lineIndex, maxQuantity: Math.max(0, line.quantity - quantity), maxFen: Math.max(0, line.payFen - fen), busy: mine.some((c) => c.open) };
  });
}

/** The most `quantity` units of a line may give back, given what is left of it. */
export function maxFenFor(line: RefundableLine, allowance: LineAllowance, quantity: number): Fen {
  if (quantity >= allowance.maxQuantity) return allowance.maxFen;
  return Math.min(allowance.maxFen, fractionOf(line.payFen, quantity, line.quantity));
}

/** The order as the window rule sees it. */
export interface AfterSaleOrderState {
  readonly state: string;
  readonly completedAt?: number;
}

/**
 * Which request types the order takes at `now`: an order paid but not shipped takes refund only;
 * a shipped one both; a completed one both until its after-sale window (the settlement delay,
 * `AFTER_SALE_WINDOW_DAYS`) closes; any other none.
 */
export function afterSaleTypesFor(order: AfterSaleOrderState, now: number): AfterSaleType[] {
  if (order.state === 'paid') return ['refund_only'];
  if (order.state === 'shipped') return ['refund_only', 'return_refund'];
  if (order.state === 'completed' && order.completedAt !== undefined && now < settlementDueAt(order.completedAt)) return ['refund_only', 'return_refund'];
  return [];
}

/** A line the shopper asks for; `amountFen` omitted means the most allowed. */
export interface RequestedLine {
  readonly lineIndex: number;
  readonly quantity: number;
  readonly amountFen?: number;
}

export type AfterSalePlanCode = 'AFTER_SALE_NOT_ALLOWED' | 'AFTER_SALE_LINE_INVALID' | 'AFTER_SALE_LINE_BUSY' | 'REFUND_AMOUNT_EXCEEDED' | 'REFUND_AMOUNT_INVALID';

export interface AfterSalePlan {
  readonly lines: ReadonlyArray<{ readonly lineIndex: number; readonly quantity: number; readonly amountFen: Fen }>;
  /** Shipping refunded with this request (only when it empties an unshipped order). */
  readonly shippingFen: Fen;
  readonly amountFen: Fen;
}

/** Checks a request against the order and the claims so far, and fixes its amounts. */
export function planAfterSale(input: {
  readonly order: AfterSaleOrderState & { readonly lines: readonly RefundableLine[]; readonly shippingFen: Fen };
  readonly claims: readonly AfterSaleClaim[];
  readonly type: AfterSaleType;
  readonly requested: readonly RequestedLine[];
  readonly now: number;
}): Outcome<AfterSalePlan, AfterSalePlanCode> {
  const { order, claims, type, requested, now } = input;
  if (!afterSaleTypesFor(order, now).includes(type)) return fail('AFTER_SALE_NOT_ALLOWED', 'the order takes no after-sale of this type now', { type, state: order.state });
  if (requested.length === 0) return fail('AFTER_SALE_LINE_INVALID', 'no line requested');
  const allowances = lineAllowances(order.lines, claims);
  const seen = new Set<number>();
  const lines: Array<{ lineIndex: number; quantity: number; amountFen: Fen }> = [];
  for (const r of requested) {
    const line = order.lines[r.lineIndex];
    const allowance = allowances[r.lineIndex];
    if (!line || !allowance || seen.has(r.lineIndex) || !Number.isSafeInteger(r.quantity) || r.quantity < 1) {
      return fail('AFTER_SALE_LINE_INVALID', 'unknown, repeated or empty line', { lineIndex: r.lineIndex });
    }
    seen.add(r.lineIndex);
    if (allowance.busy) return fail('AFTER_SALE_LINE_BUSY', 'the line has an open after-sale request', { lineIndex: r.lineIndex });
    if (r.quantity > allowance.maxQuantity) return fail('AFTER_SALE_LINE_INVALID', 'more units than are left', { lineIndex: r.lineIndex, maxQuantity: allowance.maxQuantity });
    const maxFen = maxFenFor(line, allowance, r.quantity);
    const amountFen = r.amountFen ?? maxFen;
    if (!Number.isSafeInteger(amountFen) || amountFen < 0) return fail('REFUND_AMOUNT_INVALID', 'an amount must be whole fen', { lineIndex: r.lineIndex });
    if (amountFen > maxFen) return fail('REFUND_AMOUNT_EXCEEDED', 'the amount exceeds what the line can give back', { lineIndex: r.lineIndex, maxFen });
    lines.push({ lineIndex: r.lineIndex, quantity: r.quantity, amountFen });
  }
  const emptiesOrder = allowances.every((a) => a.maxQuantity === 0 || lines.some((l) => l.lineIndex === a.lineIndex && l.quantity === a.maxQuantity));
  const shippingFen = order.state === 'paid' && emptiesOrder ? order.shippingFen : 0;
  const amountFen = lines.reduce((s, l) => s + l.amountFen, 0) + shippingFen;
  if (amountFen < 1) return fail('REFUND_AMOUNT_INVALID', 'a refund must be at least 1 fen');
  return ok({ lines, shippingFen, amountFen });
}

/** Returns true when claims of refunding or refunded requests cover every unit of every line. */
export function isFullyRefunded(lines: readonly RefundableLine[], refundingClaims: readonly AfterSaleClaim[]): boolean {
  return lines.every((line, lineIndex) => refundingClaims.filter((c) => c.lineIndex === lineIndex).reduce((s, c) => s + c.quantity, 0) >= line.quantity);
}
