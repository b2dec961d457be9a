/** A shop's orders (function `shoporder`): list, detail, ship and note. */
import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type Page, type Result, type ShopOrderDetail, type ShopOrderFilter, type ShopOrderSummary } from './contracts';

export function listShopOrders(shopId: string, status: ShopOrderFilter, cursor: string | null, pageSize: number): Promise<Result<Page<ShopOrderSummary>>> {
  return callFunction(FUNCTIONS.shoporder, ACTIONS.shoporder.list, cursor ? { shopId, status, cursor, pageSize } : { shopId, status, pageSize });
}

export function fetchShopOrder(shopId: string, orderId: string): Promise<Result<ShopOrderDetail>> {
  return callFunction(FUNCTIONS.shoporder, ACTIONS.shoporder.detail, { shopId, orderId });
}

export function shipOrder(shopId: string, orderId: string, carrier: string, trackingNo: string): Promise<Result<ShopOrderDetail>> {
  return callFunction(FUNCTIONS.shoporder, ACTIONS.shoporder.ship, { shopId, orderId, carrier, trackingNo });
}

export function noteOrder(shopId: string, orderId: string, note: string): Promise<Result<ShopOrderDetail>> {
  return callFunction(FUNCTIONS.shoporder, ACTIONS.shoporder.note, { shopId, orderId, note });
}
