import type { NoPayload, Page, PageRequest } from './common';

/** A person's role in one shop. Owners manage staff and settings; staff run day-to-day work. */
export type ShopRole = 'owner' | 'staff';
export type ShopStatus = 'active' | 'suspended';
export type ShopApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface ShopApplicationInput {
  /** 1..30 characters: becomes the shop's name on approval. */
  shopName: string;
  contactName: string;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /**
   * The business licence image: the `cloud://` fileID of a private upload in the applicant's own
   * folder, `private/licence/<OPENID>/<file>` (services/upload.ts `uploadPrivateImage`).
   */
  licenseFileId: string;
}

export interface ShopApplication extends ShopApplicationInput {
  id: string;
  /** A temp link to the licence (about an hour), issued only to the applicant and platform admins; '' when unavailable. */
  licenseUrl: string;
  /** The applicant. */
  openid: string;
  status: ShopApplicationStatus;
  /** Why it was rejected. */
  reason?: string;
  /** The shop created on approval. */
  shopId?: string;
  reviewerOpenid?: string;
  createdAt: number;
  updatedAt: number;
  reviewedAt?: number;
}

export interface ShopSummary {
  id: string;
  name: string;
  status: ShopStatus;
}

export interface MyShop extends ShopSummary {
  role: ShopRole;
}

/** A shop as the platform's shop list shows it. */
export interface AdminShopView extends ShopSummary {
  logoUrl: string;
  /** Who applied for (and owns) the shop. */
  ownerOpenid: string;
  createdAt: number;
  /** Goods on and off the shelf. */
  goodsCount: number;
}

/** One shop in detail for a platform admin: what it sells and who runs it. */
export interface AdminShopDetail extends AdminShopView {
  description: string;
  announcement: string;
  onShelfCount: number;
  /** Owners and staff, from the roles collection. */
  members: Array<{ openid: string; role: ShopRole }>;
  /** The application that created the shop (demo and hand-made shops have none). */
  application: ShopApplication | null;
}

export interface ListShopsRequest extends PageRequest {
  status?: ShopStatus;
  /** Part of the shop's name (1..30 characters, matched literally, case-insensitive). */
  keyword?: string;
}

export interface MerchantApi {
  apply: { payload: ShopApplicationInput; result: ShopApplication };
  myApplication: { payload: NoPayload; result: { application: ShopApplication | null } };
  listApplications: { payload: PageRequest & { status: ShopApplicationStatus }; result: Page<ShopApplication> };
  approve: { payload: { applicationId: string }; result: { application: ShopApplication; shop: ShopSummary } };
  reject: { payload: { applicationId: string; reason: string }; result: { application: ShopApplication } };
  suspendShop: { payload: { shopId: string }; result: ShopSummary };
  reinstateShop: { payload: { shopId: string }; result: ShopSummary };
  myShops: { payload: NoPayload; result: { platformAdmin: boolean; shops: MyShop[] } };
  listShops: { payload: ListShopsRequest; result: Page<AdminShopView> };
  shopDetail: { payload: { shopId: string }; result: AdminShopDetail };
}
