/** What the shop finance page shows: balance cards, statement lines and withdrawals as text. */
import type { LedgerEntryKindView, ShopBalanceView, StatementLineView, WithdrawalStatus, WithdrawalView } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { formatDateTime } from '../../../shared/time-text';

export type FinanceTab = 'statements' | 'withdrawals';

export const FINANCE_TABS: Array<{ value: FinanceTab; label: string }> = [
  { value: 'statements', label: '账单明细' },
  { value: 'withdrawals', label: '提现记录' },
];

export function isFinanceTab(v: unknown): v is FinanceTab {
  return v === 'statements' || v === 'withdrawals';
}

const KIND_TEXT: Record<LedgerEntryKindView, string> = {
  order_settled: '订单结算',
  refund: '售后退款扣回',
  withdrawal_requested: '申请提现',
  withdrawal_rejected: '提现驳回退回',
  withdrawal_paid: '提现到账',
};

export const WITHDRAWAL_STATUS_TEXT: Record<WithdrawalStatus, string> = { requested: '待审核', approved: '待打款', paid: '已打款', rejected: '已驳回' };

export interface BalanceCards {
  availableText: string;
  withdrawingText: string;
  paidOutText: string;
  pendingText: string;
  pendingHint: string;
  /** The available balance is below 0 (refunds after settlement): nothing can be withdrawn. */
  owing: boolean;
}

export function balanceCards(b: ShopBalanceView): BalanceCards {
  return {
    availableText: formatFen(b.availableFen),
    withdrawingText: formatFen(b.withdrawingFen),
    paidOutText: formatFen(b.paidOutFen),
    pendingText: formatFen(b.pendingSettlementFen),
    pendingHint: b.pendingOrders ? `${b.pendingOrders} 笔订单确认收货 7 天后结算` : '暂无待结算订单',
    owing: b.availableFen < 0,
  };
}

export interface FinanceRow {
  id: string;
  title: string;
  detail: string;
  timeText: string;
  amountText: string;
  /** `in` credits the shop, `out` debits it; withdrawals show their state instead. */
  tone: 'in' | 'out' | 'neutral';
  statusText: string;
}

export function statementRow(line: StatementLineView): FinanceRow {
  const detail = line.orderId ? `订单 ${line.orderId}` : line.withdrawalId ? `提现单 ${line.withdrawalId.slice(0, 8)}` : '';
  return {
    id: line.id,
    title: KIND_TEXT[line.kind],
    detail,
    timeText: formatDateTime(line.at),
    amountText: `${line.amountFen > 0 ? '+' : ''}${formatFen(line.amountFen)}`,
    tone: line.amountFen > 0 ? 'in' : line.amountFen < 0 ? 'out' : 'neutral',
    statusText: '',
  };
}

export function withdrawalRow(w: WithdrawalView): FinanceRow {
  const detail = w.status === 'rejected' && w.reason ? `驳回原因：${w.reason}` : w.status === 'paid' && w.reference ? `转账单号：${w.reference}` : '';
  return { id: w.id, title: '提现', detail, timeText: formatDateTime(w.createdAt), amountText: formatFen(w.amountFen), tone: 'neutral', statusText: WITHDRAWAL_STATUS_TEXT[w.status] };
}
