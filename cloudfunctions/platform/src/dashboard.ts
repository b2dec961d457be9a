import type { PlatformDashboard } from '../../../miniprogram/contracts';
import { requirePlatformAdmin } from '../../../server/auth';
import type { ActionDef } from '../../../server/handler';
import { empty } from '../../../server/input';
import { repo } from '../../../server/repo';
import { allCategories } from './category-store';

/** The platform home's figures: indexed counts only (applications and shops by status). */
export const dashboard: ActionDef<Record<string, never>, PlatformDashboard> = {
  input: empty,
  async run(_input, ctx) {
    await requirePlatformAdmin(ctx);
    const [pendingApplications, activeShops, suspendedShops, categories, activeBanners] = await Promise.all([
      repo.count('shop_applications', { status: 'pending' }),
      repo.count('shops', { status: 'active' }),
      repo.count('shops', { status: 'suspended' }),
      allCategories().then((all) => all.length),
      repo.count('banners', { status: 'active' }),
    ]);
    return { pendingApplications, activeShops, suspendedShops, categories, activeBanners };
  },
};
