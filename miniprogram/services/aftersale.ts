/** After-sale requests (function `aftersale`), for the shopper and for the shop. */
import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type AfterSaleApplyInput, type AfterSaleStatus, type AfterSaleView, type Page, type RefundableView, type Result } from './contracts';

const A = ACTIONS.aftersale;
const F = FUNCTIONS.aftersale;

export function fetchRefundable(orderId: string): Promise<Result<RefundableView>> {
  return callFunction(F, A.maxRefundable, { orderId });
}

export function applyAfterSale(input: AfterSaleApplyInput): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.apply, input);
}

export function listMyAfterSales(cursor: string | null, pageSize: number): Promise<Result<Page<AfterSaleView>>> {
  return callFunction(F, A.mine, pageRequest(cursor, pageSize));
}

export function fetchAfterSale(id: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.detail, { id });
}

export function cancelAfterSale(id: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.cancel, { id });
}

export function submitReturn(id: string, carrier: string, trackingNo: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.submitReturn, { id, carrier, trackingNo });
}

export function listShopAfterSales(shopId: string, status: AfterSaleStatus | 'all', cursor: string | null, pageSize: number): Promise<Result<Page<AfterSaleView>>> {
  return callFunction(F, A.shopList, cursor ? { shopId, status, cursor, pageSize } : { shopId, status, pageSize });
}

export function fetchShopAfterSale(shopId: string, id: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.shopDetail, { shopId, id });
}

export function approveAfterSale(shopId: string, id: string, note: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.approve, note ? { shopId, id, note } : { shopId, id });
}

export function rejectAfterSale(shopId: string, id: string, reason: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.reject, { shopId, id, reason });
}

export function confirmAfterSaleReturn(shopId: string, id: string): Promise<Result<AfterSaleView>> {
  return callFunction(F, A.confirmReturn, { shopId, id });
}
