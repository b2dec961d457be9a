import { SHOP_LIMITS, type ShopSettings, type ShopSettingsInput } from '../../../miniprogram/contracts';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { fen, id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import { repo } from '../../../server/repo';
import { canRead, ownerWrites } from './access';
import { settingsOf } from './views';

/** An uploaded image (`cloud://` fileID or a URL), or '' for none. */
const imageOrNone = { type: 'string', maxLength: 512, pattern: '^$|^(cloud|https?)://\\S+$' };

export const getSettings: ActionDef<{ shopId: string }, ShopSettings> = {
  input: obj({ shopId: id }, ['shopId']),
  async run({ shopId }, ctx) {
    const { shop, role } = await canRead(ctx, shopId);
    return settingsOf(shop, role);
  },
};

/** The owner renames the shop and sets its logo, announcement, banner and (optionally) shipping. */
export const saveSettings: ActionDef<ShopSettingsInput, ShopSettings> = {
  input: obj(
    {
      shopId: id,
      name: { type: 'string', minLength: 1, maxLength: SHOP_LIMITS.nameMax, pattern: '\\S' },
      logoUrl: imageOrNone,
      announcement: { type: 'string', maxLength: SHOP_LIMITS.announcementMax },
      bannerUrl: imageOrNone,
      shipping: obj({ feeFen: fen, freeThresholdFen: { anyOf: [fen, { type: 'null' }] } }, ['feeFen', 'freeThresholdFen']),
    },
    ['shopId', 'name', 'logoUrl', 'announcement', 'bannerUrl'],
  ),
  async run(input, ctx) {
    const { shop, role } = await ownerWrites(ctx, input.shopId);
    const name = input.name.trim();
    if (Array.from(name).length > SHOP_LIMITS.nameMax) fail('INVALID_ARGUMENT', `店铺名称最多${SHOP_LIMITS.nameMax}个字`);
    const patch = { name, logoUrl: input.logoUrl, announcement: input.announcement.trim(), bannerUrl: input.bannerUrl, updatedAt: new Date(ctx.now), ...(input.shipping ? { shipping: input.shipping } : {}) };
    // Only while still active: a suspension racing this save wins.
    if (!(await repo.update('shops', shop._id, patch, { status: 'active' }))) fail('FORBIDDEN', '店铺已被暂停营业', { shopStatus: 'suspended' });
    logEvent('shop_settings_saved', { shopId: shop._id, by: ctx.openid });
    return settingsOf({ ...shop, ...patch }, role);
  },
};
