/** Merchant onboarding (apply, my application) and the platform's review of applications and shops (function `merchant`). */
import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import {
  ACTIONS,
  FUNCTIONS,
  type AdminShopDetail,
  type AdminShopView,
  type Page,
  type Result,
  type ShopApplication,
  type ShopApplicationInput,
  type ShopApplicationStatus,
  type ShopStatus,
  type ShopSummary,
} from './contracts';


export function applyForShop(input: ShopApplicationInput): Promise<Result<ShopApplication>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.apply, input);
}

/** The caller's latest application, or null. */
export function fetchMyApplication(): Promise<Result<{ application: ShopApplication | null }>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.myApplication, {});
}

export function fetchApplications(status: ShopApplicationStatus, cursor: string | null, pageSize: number): Promise<Result<Page<ShopApplication>>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.listApplications, { status, ...pageRequest(cursor, pageSize) });
}

export function approveApplication(applicationId: string): Promise<Result<{ application: ShopApplication; shop: ShopSummary }>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.approve, { applicationId });
}

export function rejectApplication(applicationId: string, reason: string): Promise<Result<{ application: ShopApplication }>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.reject, { applicationId, reason });
}

export function fetchAdminShops(filter: { status?: ShopStatus; keyword?: string }, cursor: string | null, pageSize: number): Promise<Result<Page<AdminShopView>>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.listShops, {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.keyword ? { keyword: filter.keyword } : {}),
    ...pageRequest(cursor, pageSize),
  });
}

export function fetchAdminShopDetail(shopId: string): Promise<Result<AdminShopDetail>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.shopDetail, { shopId });
}

export function suspendShop(shopId: string): Promise<Result<ShopSummary>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.suspendShop, { shopId });
}

export function reinstateShop(shopId: string): Promise<Result<ShopSummary>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.reinstateShop, { shopId });
}
