/**
 * Every collection's JSON Schema, bundled into each function. `schemas.spec.ts` checks that
 * this list and database/schema/ agree, so a new collection cannot be written unvalidated.
 */
import addresses from '../database/schema/addresses.json';
import after_sales from '../database/schema/after_sales.json';
import banners from '../database/schema/banners.json';
import browse_history from '../database/schema/browse_history.json';
import carts from '../database/schema/carts.json';
import categories from '../database/schema/categories.json';
import commission_rates from '../database/schema/commission_rates.json';
import coupon_claims from '../database/schema/coupon_claims.json';
import coupon_templates from '../database/schema/coupon_templates.json';
import favorites from '../database/schema/favorites.json';
import goods from '../database/schema/goods.json';
import ledger_entries from '../database/schema/ledger_entries.json';
import orders from '../database/schema/orders.json';
import payments from '../database/schema/payments.json';
import refunds from '../database/schema/refunds.json';
import reviews from '../database/schema/reviews.json';
import roles from '../database/schema/roles.json';
import shop_accounts from '../database/schema/shop_accounts.json';
import shop_applications from '../database/schema/shop_applications.json';
import shop_invites from '../database/schema/shop_invites.json';
import shops from '../database/schema/shops.json';
import skus from '../database/schema/skus.json';
import user_coupons from '../database/schema/user_coupons.json';
import timer_runs from '../database/schema/timer_runs.json';
import users from '../database/schema/users.json';
import withdrawals from '../database/schema/withdrawals.json';

export const SCHEMAS = {
  addresses,
  after_sales,
  banners,
  browse_history,
  carts,
  categories,
  commission_rates,
  coupon_claims,
  coupon_templates,
  favorites,
  goods,
  ledger_entries,
  orders,
  payments,
  refunds,
  reviews,
  roles,
  shop_accounts,
  shop_applications,
  shop_invites,
  shops,
  skus,
  timer_runs,
  user_coupons,
  users,
  withdrawals,
} as const;

export type CollectionName = keyof typeof SCHEMAS;
export const COLLECTIONS = Object.keys(SCHEMAS) as CollectionName[];
