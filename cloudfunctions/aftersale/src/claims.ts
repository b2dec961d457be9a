/**
 * Claims: what each after-sale request in progress or done holds of an order's lines, kept on the
 * order (`afterSaleClaims`) and changed only inside transactions that also write the order, so
 * two requests racing for one line conflict and the second is re-run against the first's claim.
 */
import { type AfterSaleClaim, afterSaleMachine, isOpenAfterSale } from '../../../domain';
import type { AfterSaleDoc, AfterSaleStatus, OrderDoc } from '../../../server/model';
import { repo, type Tx } from '../../../server/repo';

/** The order's claims with the state of their requests, read inside `tx` (or outside, without). */
export async function claimsOf(order: OrderDoc, tx?: Tx): Promise<Array<AfterSaleClaim & { status: AfterSaleStatus }>> {
  const stored = order.afterSaleClaims ?? [];
  const ids = [...new Set(stored.map((c) => c.afterSaleId))];
  const status = new Map<string, AfterSaleStatus>();
  if (tx) {
    for (const id of ids) {
      const doc = await tx.get('after_sales', id);
      if (doc) status.set(id, doc.status);
    }
  } else {
    for (const [id, doc] of await repo.getMany('after_sales', ids)) status.set(id, doc.status);
  }
  return stored.map((c) => {
    // a claim whose request cannot be read is kept, and counted as open: never give out more
    const s = status.get(c.afterSaleId) ?? 'requested';
    return { ...c, status: s, open: isOpenAfterSale(s) };
  });
}

/** Claims of requests whose refund was issued (refunding or refunded). */
export function refundingClaims<C extends { status: AfterSaleStatus }>(claims: C[]): C[] {
  const refunding = afterSaleMachine.transitions.refundDone;
  return claims.filter((c) => refunding.from.includes(c.status) || c.status === refunding.to);
}

/** The claims a request adds to the order. */
export function claimsFor(doc: Pick<AfterSaleDoc, '_id' | 'lines'>): NonNullable<OrderDoc['afterSaleClaims']> {
  return doc.lines.map((l) => ({ afterSaleId: doc._id, lineIndex: l.lineIndex, quantity: l.quantity, amountFen: l.amountFen }));
}

/** The order's claims without those of request `id` (rejected or cancelled). */
export function withoutClaims(order: OrderDoc, id: string): NonNullable<OrderDoc['afterSaleClaims']> {
  return (order.afterSaleClaims ?? []).filter((c) => c.afterSaleId !== id);
}
