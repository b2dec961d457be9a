import type { ShopApplication, ShopApplicationInput } from '../../../services/contracts';
import { formatDateTime } from '../../../shared/time-text';

export interface ApplyForm {
  shopName: string;
  contactName: string;
  phone: string;
  licenseFileId: string;
}

export const EMPTY_APPLY_FORM: ApplyForm = { shopName: '', contactName: '', phone: '', licenseFileId: '' };

export const APPLY_LIMITS = { shopNameMax: 30, contactNameMax: 20 } as const;

/** The application to send, or the first problem to show (the function checks again). */
export function toApplication(form: ApplyForm): { input: ShopApplicationInput } | { problem: string } {
  const shopName = form.shopName.trim();
  const contactName = form.contactName.trim();
  const phone = form.phone.trim();
  if (!shopName) return { problem: '请填写店铺名称' };
  if (Array.from(shopName).length > APPLY_LIMITS.shopNameMax) return { problem: `店铺名称最多${APPLY_LIMITS.shopNameMax}个字` };
  if (!contactName) return { problem: '请填写联系人' };
  if (!/^1[3-9]\d{9}$/.test(phone)) return { problem: '请填写正确的手机号' };
  if (!form.licenseFileId) return { problem: '请上传营业执照照片' };
  return { input: { shopName, contactName, phone, licenseFileId: form.licenseFileId } };
}

/** What the page shows about an existing application. */
export interface ApplicationCard {
  status: ShopApplication['status'];
  title: string;
  description: string;
  shopName: string;
  timeText: string;
  reason: string;
  shopId: string;
}

export function applicationCard(a: ShopApplication): ApplicationCard {
  const base = { status: a.status, shopName: a.shopName, reason: a.reason ?? '', shopId: a.shopId ?? '' };
  if (a.status === 'pending') return { ...base, title: '审核中', description: '平台会尽快审核你的开店申请，结果会通过微信消息通知你。', timeText: `提交于 ${formatDateTime(a.createdAt)}` };
  if (a.status === 'approved') return { ...base, title: '店铺已开通', description: '恭喜！你现在是这家店的店主，可以上架商品了。', timeText: a.reviewedAt ? `通过于 ${formatDateTime(a.reviewedAt)}` : '' };
  return { ...base, title: '未通过审核', description: '请根据驳回原因修改后重新申请。', timeText: a.reviewedAt ? `审核于 ${formatDateTime(a.reviewedAt)}` : '' };
}

/** A rejected application's details, to start the new one from. */
export function formFrom(a: ShopApplication): ApplyForm {
  return { shopName: a.shopName, contactName: a.contactName, phone: a.phone, licenseFileId: '' };
}
