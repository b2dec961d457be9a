import type { Banner } from './catalog';
import type { NoPayload } from './common';

/** Shown or hidden in the shop; a hidden category hides its whole subtree. */
export type CategoryStatus = 'active' | 'hidden';
export type BannerStatus = 'active' | 'hidden';
export type BannerLink = Banner['link'];

/** Limits the platform function enforces, for the pages to show. */
export const PLATFORM_LIMITS = {
  /** Levels of the category tree. */
  categoryLevels: 3,
  categoryNameMax: 20,
  bannerTitleMax: 30,
  /** The home screen shows this many active banners, in sort order. */
  homeBanners: 10,
} as const;

/** A category as the platform manages it. */
export interface AdminCategory {
  id: string;
  name: string;
  parentId: string | null;
  level: 1 | 2 | 3;
  sort: number;
  iconUrl: string;
  status: CategoryStatus;
  /** Ids from the root down to this category (itself last); goods carry it as `categoryIds`. */
  path: string[];
}

export interface AdminCategoryNode extends AdminCategory {
  children: AdminCategoryNode[];
}

export interface SaveCategoryInput {
  /** Absent: a new category. */
  id?: string;
  name: string;
  /** null: a top-level category. */
  parentId: string | null;
  sort: number;
  /** `cloud://` fileID or URL; '' for none. */
  iconUrl: string;
}

export interface AdminBanner {
  id: string;
  title: string;
  imageUrl: string;
  link: BannerLink;
  sort: number;
  status: BannerStatus;
  updatedAt: number;
}

export interface SaveBannerInput {
  /** Absent: a new banner. */
  id?: string;
  title: string;
  imageUrl: string;
  link: BannerLink;
  sort: number;
  status: BannerStatus;
}

/** The platform dashboard's figures. */
export interface PlatformDashboard {
  pendingApplications: number;
  activeShops: number;
  suspendedShops: number;
  categories: number;
  activeBanners: number;
}

export interface PlatformApi {
  dashboard: { payload: NoPayload; result: PlatformDashboard };
  listCategories: { payload: NoPayload; result: { categories: AdminCategoryNode[] } };
  saveCategory: { payload: SaveCategoryInput; result: AdminCategory };
  setCategoryStatus: { payload: { id: string; status: CategoryStatus }; result: AdminCategory };
  deleteCategory: { payload: { id: string }; result: { id: string } };
  listBanners: { payload: NoPayload; result: { banners: AdminBanner[] } };
  saveBanner: { payload: SaveBannerInput; result: AdminBanner };
  deleteBanner: { payload: { id: string }; result: { id: string } };
}
