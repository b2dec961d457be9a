import { callFunction } from './cloud';
import { CATALOG_ACTIONS, FUNCTIONS, type CategoryList, type HomeFeed, type Result } from './contracts';

/** Banners, top categories and recommended goods for the home tab. */
export function fetchHomeFeed(): Promise<Result<HomeFeed>> {
  return callFunction(FUNCTIONS.catalog, CATALOG_ACTIONS.home, {});
}

/** All top-level categories, in display order. */
export function fetchCategories(): Promise<Result<CategoryList>> {
  return callFunction(FUNCTIONS.catalog, CATALOG_ACTIONS.categories, {});
}
