import type { StatementLineView, WithdrawalView } from '../../../miniprogram/contracts';
import type { LedgerEntryDoc, WithdrawalDoc } from '../../../server/model';

const ms = (d: Date | undefined): number | undefined => (d === undefined ? undefined : new Date(d).getTime());

export function withdrawalView(d: WithdrawalDoc, shopName?: string): WithdrawalView {
  const v: WithdrawalView = { id: d._id, shopId: d.shopId, amountFen: d.amountFen, status: d.status, createdAt: ms(d.createdAt)! };
  if (shopName !== undefined) v.shopName = shopName;
  if (d.approvedAt) v.approvedAt = ms(d.approvedAt);
  if (d.paidAt) v.paidAt = ms(d.paidAt);
  if (d.rejectedAt) v.rejectedAt = ms(d.rejectedAt);
  if (d.reason !== undefined) v.reason = d.reason;
  if (d.reference !== undefined) v.reference = d.reference;
  return v;
}

export function statementLineView(d: LedgerEntryDoc): StatementLineView {
  const v: StatementLineView = { id: d._id, kind: d.kind, amountFen: d.amountFen, at: ms(d.at)! };
  if (d.orderId !== undefined) v.orderId = d.orderId;
  if (d.refundId !== undefined) v.refundId = d.refundId;
  if (d.withdrawalId !== undefined) v.withdrawalId = d.withdrawalId;
  return v;
}
