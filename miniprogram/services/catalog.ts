import { callFunction } from './cloud';
import { CATALOG_ACTIONS, FUNCTIONS, type CategoryTree, type HomeFeed, type Result } from './contracts';

/** Banners, top categories and recommended goods for the home tab. */
export function fetchHomeFeed(): Promise<Result<HomeFeed>> {
  return callFunction(FUNCTIONS.catalog, CATALOG_ACTIONS.home, {});
}

/** The category tree for the category tab. */
export function fetchCategories(): Promise<Result<CategoryTree>> {
  return callFunction(FUNCTIONS.catalog, CATALOG_ACTIONS.categories, {});
}
