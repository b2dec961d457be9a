/**
 * Platform administration: shop applications, the shop list and suspension (`merchant`), the
 * category tree, home banners and the dashboard (`platform`). Platform admins only; being a shop's
 * owner or staff grants none of it. Writes aim at fresh documents made per caller, so an allowed
 * call (suspending, deleting) never changes what the next caller or another area's case relies on.
 */
import { seedBanner, seedCategory, seedShop } from '../../support/fixtures';
import { ADMIN_ONLY, type AuthzCase, type World } from './types';

/** A pending application by a fresh applicant. */
async function pendingApplication(w: World): Promise<string> {
  const applicant = w.unique('authz-applicant');
  // the licence must be in the applicant's own private folder (server/private-files.ts)
  const app = await w.mall.as(applicant).ok('merchant', 'apply', { shopName: '待审小店', contactName: '赵六', phone: '13600136000', licenseFileId: `cloud://local-env.6c6f/private/licence/${applicant}/authz.jpg` });
  return app.id;
}

async function freshShop(w: World, status: 'active' | 'suspended'): Promise<string> {
  const id = w.unique('authz-pf-shop');
  await seedShop(w.mall.db, { _id: id, status });
  return id;
}

async function freshCategory(w: World): Promise<string> {
  const id = w.unique('authz-pf-cat');
  await seedCategory(w.mall.db, { _id: id });
  return id;
}

async function freshBanner(w: World): Promise<string> {
  const id = w.unique('authz-pf-banner');
  await seedBanner(w.mall.db, { _id: id });
  return id;
}

const IMG = 'cloud://local-env.6c6f/platform/authz.png';

export const cases: AuthzCase[] = [
  // merchant: applications and shops
  { fn: 'merchant', action: 'listApplications', allow: ADMIN_ONLY, payload: async () => ({ status: 'pending' }) },
  { fn: 'merchant', action: 'approve', allow: ADMIN_ONLY, payload: async (w) => ({ applicationId: await pendingApplication(w) }) },
  { fn: 'merchant', action: 'reject', allow: ADMIN_ONLY, payload: async (w) => ({ applicationId: await pendingApplication(w), reason: '资料不全' }) },
  { fn: 'merchant', action: 'suspendShop', allow: ADMIN_ONLY, payload: async (w) => ({ shopId: await freshShop(w, 'active') }) },
  { fn: 'merchant', action: 'reinstateShop', allow: ADMIN_ONLY, payload: async (w) => ({ shopId: await freshShop(w, 'suspended') }) },
  { fn: 'merchant', action: 'listShops', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'merchant', action: 'shopDetail', allow: ADMIN_ONLY, payload: async (_w, t) => ({ shopId: t.shopId }) },
  // platform: dashboard, categories, banners
  { fn: 'platform', action: 'dashboard', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'platform', action: 'listCategories', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'platform', action: 'saveCategory', label: 'create', allow: ADMIN_ONLY, payload: async (w) => ({ name: w.unique('新分类'), parentId: null, sort: 0, iconUrl: '' }) },
  { fn: 'platform', action: 'saveCategory', label: 'edit', allow: ADMIN_ONLY, payload: async (w) => ({ id: await freshCategory(w), name: w.unique('改名'), parentId: null, sort: 1, iconUrl: IMG }) },
  { fn: 'platform', action: 'setCategoryStatus', allow: ADMIN_ONLY, payload: async (w) => ({ id: await freshCategory(w), status: 'hidden' }) },
  { fn: 'platform', action: 'deleteCategory', allow: ADMIN_ONLY, payload: async (w) => ({ id: await freshCategory(w) }) },
  { fn: 'platform', action: 'listBanners', allow: ADMIN_ONLY, payload: async () => ({}) },
  { fn: 'platform', action: 'saveBanner', label: 'create', allow: ADMIN_ONLY, payload: async () => ({ title: '新横幅', imageUrl: IMG, link: { type: 'none' }, sort: 0, status: 'hidden' }) },
  { fn: 'platform', action: 'saveBanner', label: 'edit', allow: ADMIN_ONLY, payload: async (w) => ({ id: await freshBanner(w), title: '改横幅', imageUrl: IMG, link: { type: 'category', categoryId: w.categoryId }, sort: 3, status: 'hidden' }) },
  { fn: 'platform', action: 'deleteBanner', allow: ADMIN_ONLY, payload: async (w) => ({ id: await freshBanner(w) }) },
];
