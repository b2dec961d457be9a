/** What the platform finance page shows: overview figures and the withdrawal queue as text. */
import type { FinanceOverview, WithdrawalStatus, WithdrawalView } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { formatDateTime } from '../../../shared/time-text';

export const QUEUE_TABS: Array<{ value: WithdrawalStatus; label: string }> = [
  { value: 'requested', label: '待审核' },
  { value: 'approved', label: '待打款' },
  { value: 'paid', label: '已打款' },
  { value: 'rejected', label: '已驳回' },
];

export const EMPTY_TEXT: Record<WithdrawalStatus, string> = { requested: '没有待审核的提现', approved: '没有待打款的提现', paid: '还没有已打款的提现', rejected: '没有被驳回的提现' };

export function isWithdrawalStatus(v: unknown): v is WithdrawalStatus {
  return QUEUE_TABS.some((t) => t.value === v);
}

export interface Figure {
  key: string;
  label: string;
  value: string;
}

export function overviewFigures(o: FinanceOverview): Figure[] {
  return [
    { key: 'gmv', label: '累计支付（GMV）', value: formatFen(o.gmvFen) },
    { key: 'commission', label: '佣金收入', value: formatFen(o.commissionFen) },
    { key: 'refunded', label: '累计退款', value: formatFen(o.refundedFen) },
    { key: 'subsidy', label: '平台券补贴', value: formatFen(o.subsidyFen) },
    { key: 'balances', label: '应付商家余额', value: formatFen(o.shopBalancesFen) },
    { key: 'pending', label: `待处理提现（${o.pendingWithdrawals.count} 笔）`, value: formatFen(o.pendingWithdrawals.amountFen) },
  ];
}

export interface QueueRow {
  id: string;
  shopName: string;
  amountText: string;
  timeText: string;
  detail: string;
  canApprove: boolean;
  canMarkPaid: boolean;
  canReject: boolean;
}

export function queueRow(w: WithdrawalView): QueueRow {
  const detail = w.status === 'rejected' && w.reason ? `驳回原因：${w.reason}` : w.status === 'paid' && w.reference ? `转账单号：${w.reference}` : `店铺 ID：${w.shopId}`;
  return {
    id: w.id,
    shopName: w.shopName ?? w.shopId,
    amountText: formatFen(w.amountFen),
    timeText: `申请于 ${formatDateTime(w.createdAt)}`,
    detail,
    canApprove: w.status === 'requested',
    canMarkPaid: w.status === 'approved',
    canReject: w.status === 'requested' || w.status === 'approved',
  };
}
