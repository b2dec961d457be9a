import { SHOP_LIMITS, type ShopSettings, type ShopSettingsInput } from '../../../services/contracts';
import { formatYuan, parseYuanToFen } from '../../../services/format';

export interface SettingsForm {
  name: string;
  logoUrl: string;
  announcement: string;
  bannerUrl: string;
  /** Yuan, as typed. */
  fee: string;
  /** Yuan; empty: never free. */
  freeThreshold: string;
}

export function formOf(s: ShopSettings): SettingsForm {
  return {
    name: s.name,
    logoUrl: s.logoUrl,
    announcement: s.announcement,
    bannerUrl: s.bannerUrl,
    fee: formatYuan(s.shipping.feeFen),
    freeThreshold: s.shipping.freeThresholdFen === null ? '' : formatYuan(s.shipping.freeThresholdFen),
  };
}

export function toSettingsInput(form: SettingsForm, shopId: string): { input: ShopSettingsInput } | { problem: string } {
  const name = form.name.trim();
  if (!name) return { problem: '请填写店铺名称' };
  if (Array.from(name).length > SHOP_LIMITS.nameMax) return { problem: `店铺名称最多${SHOP_LIMITS.nameMax}个字` };
  if (Array.from(form.announcement).length > SHOP_LIMITS.announcementMax) return { problem: `公告最多${SHOP_LIMITS.announcementMax}个字` };
  const feeFen = parseYuanToFen(form.fee || '0');
  if (feeFen === null) return { problem: '运费格式不正确' };
  const freeThresholdFen = form.freeThreshold.trim() ? parseYuanToFen(form.freeThreshold) : null;
  if (form.freeThreshold.trim() && freeThresholdFen === null) return { problem: '包邮门槛格式不正确' };
  return { input: { shopId, name, logoUrl: form.logoUrl, announcement: form.announcement.trim(), bannerUrl: form.bannerUrl, shipping: { feeFen, freeThresholdFen } } };
}
