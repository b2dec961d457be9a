/** Platform administration: dashboard, category tree and home banners (function `platform`). */
import { callFunction } from './cloud';
import {
  ACTIONS,
  FUNCTIONS,
  type AdminBanner,
  type AdminCategory,
  type AdminCategoryNode,
  type CategoryStatus,
  type PlatformDashboard,
  type Result,
  type SaveBannerInput,
  type SaveCategoryInput,
} from './contracts';

export function fetchPlatformDashboard(): Promise<Result<PlatformDashboard>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.dashboard, {});
}

export function fetchAdminCategories(): Promise<Result<{ categories: AdminCategoryNode[] }>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.listCategories, {});
}

export function saveCategory(input: SaveCategoryInput): Promise<Result<AdminCategory>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.saveCategory, input);
}

export function setCategoryStatus(id: string, status: CategoryStatus): Promise<Result<AdminCategory>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.setCategoryStatus, { id, status });
}

export function deleteCategory(id: string): Promise<Result<{ id: string }>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.deleteCategory, { id });
}

export function fetchAdminBanners(): Promise<Result<{ banners: AdminBanner[] }>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.listBanners, {});
}

export function saveBanner(input: SaveBannerInput): Promise<Result<AdminBanner>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.saveBanner, input);
}

export function deleteBanner(id: string): Promise<Result<{ id: string }>> {
  return callFunction(FUNCTIONS.platform, ACTIONS.platform.deleteBanner, { id });
}
