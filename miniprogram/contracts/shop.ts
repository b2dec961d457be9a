/**
 * The shop admin area (function `shop`): overview, goods, settings and staff of one shop. Every
 * action but `acceptInvite` names the shop it acts for (`shopId`) and is refused unless the caller
 * holds a role there; writes are refused while the shop is suspended (see server/auth.ts).
 */
import type { SpecDimension } from './catalog';
import type { Page, PageRequest } from './common';
import type { ShopRole, ShopStatus, ShopSummary } from './merchant';

export type GoodsShelfStatus = 'on_shelf' | 'off_shelf';

/** A SKU counts as low on stock at or below this when its own threshold is unset. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** Limits of the goods form, shared by the page and the function. */
export const GOODS_LIMITS = {
  titleMax: 60,
  subtitleMax: 120,
  imagesMax: 9,
  specNameMax: 10,
  specValueMax: 20,
  specValuesMax: 20,
  specsMax: 3,
  skusMax: 100,
  codeMax: 40,
  stockMax: 999_999,
  thresholdMax: 9_999,
  /** 1 000 000 yuan. */
  priceMaxFen: 100_000_000,
} as const;

/** Shop settings limits. */
export const SHOP_LIMITS = { nameMax: 30, announcementMax: 200 } as const;

/** How long an invite code stays valid. */
export const INVITE_TTL_MS = 24 * 3600_000;

export interface ShopRef {
  shopId: string;
}

export interface ShopOverview {
  shop: ShopSummary & { logoUrl: string };
  role: ShopRole;
  /** Orders of this shop paid today (Beijing time), and what they paid. */
  todayOrders: number;
  todayPaidFen: number;
  /** Paid orders waiting to be shipped. */
  toShip: number;
  /** After-sale requests waiting for the shop (requested, or goods on their way back). */
  afterSalesWaiting: number;
  /** SKUs at or below their low-stock threshold. */
  lowStockSkus: number;
}

export interface ShopGoodsItem {
  id: string;
  title: string;
  coverUrl: string;
  /** Lowest SKU price. */
  priceFen: number;
  /** Sum of the SKUs' stock. */
  stock: number;
  sales: number;
  status: GoodsShelfStatus;
  /** Some SKU is at or below its low-stock threshold. */
  lowStock: boolean;
}

export interface ShopGoodsListRequest extends PageRequest, ShopRef {
  status?: GoodsShelfStatus;
  /** Matches the title, case-insensitively. */
  keyword?: string;
}

export interface ShopSku {
  id: string;
  specValues: Record<string, string>;
  specText: string;
  priceFen: number;
  stock: number;
  sales: number;
  code: string;
  lowStockThreshold: number;
}

export interface ShopGoodsDetail {
  id: string;
  shopId: string;
  title: string;
  subtitle: string;
  images: string[];
  /** The category picked (the last of `categoryPath`). */
  categoryId: string;
  /** Root first. */
  categoryPath: string[];
  /** Names along the path, root first (empty strings for categories gone since). */
  categoryNames: string[];
  specs: SpecDimension[];
  /** In spec order (first dimension slowest). */
  skus: ShopSku[];
  status: GoodsShelfStatus;
  priceFen: number;
  stock: number;
  sales: number;
  updatedAt: number;
}

/**
 * One SKU of the goods form. An edited SKU is recognised by its spec values (so its id stays the
 * same). Stock is applied as a change: the server adds `stock - baseStock` to the live stock, so
 * pieces sold while the form was open stay sold; `baseStock` is the stock the form showed (omit
 * it for a new combination, whose stock is `stock`).
 */
export interface SkuInput {
  specValues: Record<string, string>;
  /** Integer fen, at least 1. */
  priceFen: number;
  stock: number;
  baseStock?: number;
  code?: string;
  lowStockThreshold?: number;
}

export interface GoodsInput extends ShopRef {
  /** Absent: create a goods item. */
  goodsId?: string;
  title: string;
  subtitle?: string;
  /** `cloud://` fileIDs (or https URLs) in display order; the first is the cover. 1..9. */
  images: string[];
  /** An active category of any level; the goods is listed under it and its ancestors. */
  categoryId: string;
  /** Up to 3 dimensions; none means a single SKU with empty spec values. */
  specs: SpecDimension[];
  /** One entry per combination of the specs to sell; combinations left out are removed. */
  skus: SkuInput[];
  /** On create only: put it on the shelf at once (default false). */
  onShelf?: boolean;
}

export interface ShopShipping {
  feeFen: number;
  /** Orders from this amount ship free; null: never free. */
  freeThresholdFen: number | null;
}

export interface ShopSettings {
  id: string;
  name: string;
  logoUrl: string;
  announcement: string;
  bannerUrl: string;
  shipping: ShopShipping;
  status: ShopStatus;
  /** The caller's role: only owners may save. */
  role: ShopRole;
}

export interface ShopSettingsInput extends ShopRef {
  name: string;
  logoUrl: string;
  announcement: string;
  bannerUrl: string;
  shipping?: ShopShipping;
}

export interface ShopInvite {
  code: string;
  shopId: string;
  expiresAt: number;
}

export interface StaffMember {
  openid: string;
  role: ShopRole;
  nickname: string;
  avatarUrl: string;
}

export interface ShopApi {
  overview: { payload: ShopRef; result: ShopOverview };
  listGoods: { payload: ShopGoodsListRequest; result: Page<ShopGoodsItem> };
  getGoods: { payload: ShopRef & { goodsId: string }; result: ShopGoodsDetail };
  saveGoods: { payload: GoodsInput; result: ShopGoodsDetail };
  setOnShelf: { payload: ShopRef & { goodsId: string; onShelf: boolean }; result: { id: string; status: GoodsShelfStatus } };
  getSettings: { payload: ShopRef; result: ShopSettings };
  saveSettings: { payload: ShopSettingsInput; result: ShopSettings };
  createInvite: { payload: ShopRef; result: ShopInvite };
  acceptInvite: { payload: { code: string }; result: { shop: ShopSummary; role: ShopRole } };
  /** `role`: the caller's own role (only owners invite and remove). */
  listStaff: { payload: ShopRef; result: { members: StaffMember[]; role: ShopRole } };
  removeStaff: { payload: ShopRef & { openid: string }; result: { removed: true } };
}
