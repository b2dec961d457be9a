/** The finance function: shop balance, statements and withdrawals; platform overview, queue and commission rates. */
import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import {
  ACTIONS,
  FUNCTIONS,
  type CommissionRatesView,
  type FinanceOverview,
  type Page,
  type Result,
  type SetCommissionInput,
  type ShopBalanceView,
  type StatementLineView,
  type WithdrawalStatus,
  type WithdrawalView,
} from './contracts';


export function fetchShopBalance(shopId: string): Promise<Result<ShopBalanceView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.balance, { shopId });
}

export function fetchStatements(shopId: string, cursor: string | null, pageSize: number): Promise<Result<Page<StatementLineView>>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.statements, { shopId, ...pageRequest(cursor, pageSize) });
}

export function requestWithdrawal(shopId: string, amountFen: number): Promise<Result<{ withdrawal: WithdrawalView; balance: ShopBalanceView }>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.requestWithdrawal, { shopId, amountFen });
}

export function fetchShopWithdrawals(shopId: string, cursor: string | null, pageSize: number): Promise<Result<Page<WithdrawalView>>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.myWithdrawals, { shopId, ...pageRequest(cursor, pageSize) });
}

export function fetchFinanceOverview(): Promise<Result<FinanceOverview>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.overview, {});
}

export function fetchWithdrawalQueue(status: WithdrawalStatus, cursor: string | null, pageSize: number): Promise<Result<Page<WithdrawalView>>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.listWithdrawals, { status, ...pageRequest(cursor, pageSize) });
}

export function approveWithdrawal(id: string): Promise<Result<WithdrawalView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.approveWithdrawal, { id });
}

export function rejectWithdrawal(id: string, reason: string): Promise<Result<WithdrawalView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.rejectWithdrawal, { id, reason });
}

export function markWithdrawalPaid(id: string, reference: string): Promise<Result<WithdrawalView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.markWithdrawalPaid, { id, reference });
}

export function fetchCommissionRates(): Promise<Result<CommissionRatesView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.getCommission, {});
}

export function saveCommissionRates(input: SetCommissionInput): Promise<Result<CommissionRatesView>> {
  return callFunction(FUNCTIONS.finance, ACTIONS.finance.setCommission, input);
}
