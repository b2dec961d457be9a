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
  /** The business licence image uploaded with `wx.cloud.uploadFile`: a `cloud://` fileID. */
  licenseFileId: string;
}

export interface ShopApplication extends ShopApplicationInput {
  id: string;
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

export interface MerchantApi {
  apply: { payload: ShopApplicationInput; result: ShopApplication };
  myApplication: { payload: NoPayload; result: { application: ShopApplication | null } };
  listApplications: { payload: PageRequest & { status: ShopApplicationStatus }; result: Page<ShopApplication> };
  approve: { payload: { applicationId: string }; result: { application: ShopApplication; shop: ShopSummary } };
  reject: { payload: { applicationId: string; reason: string }; result: { application: ShopApplication } };
  suspendShop: { payload: { shopId: string }; result: ShopSummary };
  reinstateShop: { payload: { shopId: string }; result: ShopSummary };
  myShops: { payload: NoPayload; result: { platformAdmin: boolean; shops: MyShop[] } };
}
