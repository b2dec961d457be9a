import type { UserCouponView } from '../../../services/contracts';
import type { MyCouponFilter } from '../../../services/coupon';
import { couponFace } from '../../../shared/coupon-face';
import { formatDate } from '../../../shared/time-text';

export const COUPON_TABS: ReadonlyArray<{ value: MyCouponFilter; label: string }> = [
  { value: 'unused', label: '未使用' },
  { value: 'used', label: '已使用' },
  { value: 'expired', label: '已过期' },
];

export function isMyCouponFilter(value: unknown): value is MyCouponFilter {
  return COUPON_TABS.some((tab) => tab.value === value);
}

export interface MyCouponView {
  id: string;
  title: string;
  valueText: string;
  conditionText: string;
  metaText: string;
  /** Only an unused coupon not held by an unpaid order can be used now. */
  usable: boolean;
  /** A word on the ticket: 使用中 (held by an unpaid order), 已使用, 已过期; empty for usable ones. */
  tagText: string;
  /** Where 去使用 leads: the shop's goods for a shop coupon, else empty (the home tab). */
  shopId: string;
}

const TAG_TEXT: Record<UserCouponView['status'], string> = { unused: '', locked: '使用中', used: '已使用', expired: '已过期' };

export function toMyCouponView(coupon: UserCouponView): MyCouponView {
  const face = couponFace(coupon);
  return {
    id: coupon.id,
    title: coupon.title,
    valueText: face.valueText,
    conditionText: face.conditionText,
    metaText: `${face.issuerText} · ${formatDate(coupon.validFrom)} 至 ${formatDate(coupon.validTo)}`,
    usable: coupon.status === 'unused',
    tagText: TAG_TEXT[coupon.status],
    shopId: coupon.issuer.type === 'shop' ? coupon.issuer.shopId : '',
  };
}
