/**
 * The `finance` function: commission rates, the shop ledger (balance, statements), withdrawals and
 * the platform's finance overview. Money is integer fen; rates are integer basis points
 * (1 bps = 0.01%, 10 000 = 100%); times are epoch milliseconds.
 */
import type { Page, PageRequest } from './common';

export type WithdrawalStatus = 'requested' | 'approved' | 'paid' | 'rejected';

/** What moved the money of a statement line. */
export type LedgerEntryKindView = 'order_settled' | 'refund' | 'withdrawal_requested' | 'withdrawal_paid' | 'withdrawal_rejected';

export interface CategoryRate {
  categoryId: string;
  /** 0..10000 basis points. */
  bps: number;
}

export interface CommissionRatesView {
  defaultBps: number;
  categories: Array<CategoryRate & { categoryName?: string }>;
  /** False while no admin saved rates yet (the built-in default applies). */
  configured: boolean;
  updatedAt?: number;
}

export interface SetCommissionInput {
  defaultBps: number;
  /** Rates of categories that differ from the default; at most 200, category ids unique. */
  categories: CategoryRate[];
}

export interface ShopBalanceView {
  shopId: string;
  /** What the shop can withdraw now; negative when refunds after settlement exceed later credits. */
  availableFen: number;
  /** Requested withdrawals waiting for approval or payout. */
  withdrawingFen: number;
  /** Everything paid out so far. */
  paidOutFen: number;
  /** What paid orders not settled yet should bring (an estimate: refunds may still lower it). */
  pendingSettlementFen: number;
  /** How many orders that estimate covers. */
  pendingOrders: number;
  /** Whether the caller may request withdrawals (the shop owner). */
  canWithdraw: boolean;
}

/** One movement of the shop's available balance. */
export interface StatementLineView {
  id: string;
  kind: LedgerEntryKindView;
  /** Signed: positive credits the shop, negative debits it. */
  amountFen: number;
  orderId?: string;
  refundId?: string;
  withdrawalId?: string;
  at: number;
}

export interface WithdrawalView {
  id: string;
  shopId: string;
  shopName?: string;
  amountFen: number;
  status: WithdrawalStatus;
  createdAt: number;
  approvedAt?: number;
  paidAt?: number;
  rejectedAt?: number;
  /** Why it was rejected. */
  reason?: string;
  /** The real transfer's reference (WeChat Pay transfer or bank), recorded when marked paid. */
  reference?: string;
}

export interface FinanceOverview {
  /** Sum of every paid payment. */
  gmvFen: number;
  /** Money refunded to shoppers (ledger). */
  refundedFen: number;
  /** Net commission booked (settlements minus reversals). */
  commissionFen: number;
  /** Platform-funded coupon discounts paid to shops, net of reversals (a positive cost). */
  subsidyFen: number;
  /** What the platform owes shops: available plus withdrawing balances. */
  shopBalancesFen: number;
  pendingWithdrawals: { count: number; amountFen: number };
}

export interface FinanceApi {
  getCommission: { payload: Record<string, never>; result: CommissionRatesView };
  setCommission: { payload: SetCommissionInput; result: CommissionRatesView };
  balance: { payload: { shopId: string }; result: ShopBalanceView };
  statements: { payload: PageRequest & { shopId: string }; result: Page<StatementLineView> };
  requestWithdrawal: { payload: { shopId: string; amountFen: number }; result: { withdrawal: WithdrawalView; balance: ShopBalanceView } };
  myWithdrawals: { payload: PageRequest & { shopId: string }; result: Page<WithdrawalView> };
  listWithdrawals: { payload: PageRequest & { status?: WithdrawalStatus }; result: Page<WithdrawalView> };
  approveWithdrawal: { payload: { id: string }; result: WithdrawalView };
  rejectWithdrawal: { payload: { id: string; reason: string }; result: WithdrawalView };
  markWithdrawalPaid: { payload: { id: string; reference: string }; result: WithdrawalView };
  overview: { payload: Record<string, never>; result: FinanceOverview };
}
