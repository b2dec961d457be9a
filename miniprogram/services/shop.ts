/** The shop admin area: overview, goods, settings and staff (function `shop`), and the caller's shops. */
import { callFunction } from './cloud';
import {
  ACTIONS,
  FUNCTIONS,
  type GoodsInput,
  type GoodsShelfStatus,
  type MyShop,
  type Page,
  type Result,
  type ShopGoodsDetail,
  type ShopGoodsItem,
  type ShopInvite,
  type ShopOverview,
  type ShopRole,
  type ShopSettings,
  type ShopSettingsInput,
  type ShopSummary,
  type StaffMember,
} from './contracts';

/** The shops the caller works in, with their role in each. */
export function fetchMyShops(): Promise<Result<{ platformAdmin: boolean; shops: MyShop[] }>> {
  return callFunction(FUNCTIONS.merchant, ACTIONS.merchant.myShops, {});
}

export function fetchShopOverview(shopId: string): Promise<Result<ShopOverview>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.overview, { shopId });
}

export function listShopGoods(shopId: string, status: GoodsShelfStatus, keyword: string, cursor: string | null, pageSize: number): Promise<Result<Page<ShopGoodsItem>>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.listGoods, { shopId, status, pageSize, ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) });
}

export function fetchShopGoods(shopId: string, goodsId: string): Promise<Result<ShopGoodsDetail>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.getGoods, { shopId, goodsId });
}

export function saveShopGoods(input: GoodsInput): Promise<Result<ShopGoodsDetail>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.saveGoods, input);
}

export function setGoodsOnShelf(shopId: string, goodsId: string, onShelf: boolean): Promise<Result<{ id: string; status: GoodsShelfStatus }>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.setOnShelf, { shopId, goodsId, onShelf });
}

export function fetchShopSettings(shopId: string): Promise<Result<ShopSettings>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.getSettings, { shopId });
}

export function saveShopSettings(input: ShopSettingsInput): Promise<Result<ShopSettings>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.saveSettings, input);
}

export function createStaffInvite(shopId: string): Promise<Result<ShopInvite>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.createInvite, { shopId });
}

export function acceptStaffInvite(code: string): Promise<Result<{ shop: ShopSummary; role: ShopRole }>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.acceptInvite, { code });
}

export function listShopStaff(shopId: string): Promise<Result<{ members: StaffMember[]; role: ShopRole }>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.listStaff, { shopId });
}

export function removeShopStaff(shopId: string, openid: string): Promise<Result<{ removed: true }>> {
  return callFunction(FUNCTIONS.shop, ACTIONS.shop.removeStaff, { shopId, openid });
}
