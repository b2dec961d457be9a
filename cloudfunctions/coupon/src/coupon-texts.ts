/** What the coupon cards say in words (Chinese, Beijing dates). */
import type { ClaimCode } from '../../../domain/coupon/can-claim';
import type { CouponScope, Issuer, Validity } from '../../../server/model';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** A Beijing calendar date, e.g. `2026.01.31`. */
export function beijingDate(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** E.g. "领取后7天内有效", or "2026.01.01-2026.01.31有效" (the end instant itself is excluded). */
export function validityText(v: Validity): string {
  if (v.type === 'relative') return `领取后${v.days}天内有效`;
  return `${beijingDate(v.startAt.getTime())}-${beijingDate(v.endAt.getTime() - 1)}有效`;
}

/** E.g. "全场通用", "某店指定商品可用". */
export function scopeText(issuer: Issuer, scope: CouponScope, shopName: string): string {
  const where = issuer.type === 'shop' ? `${shopName || '本店'}` : '';
  if (scope.type === 'categories') return `${where}指定分类可用`;
  if (scope.type === 'goods') return `${where}指定商品可用`;
  return issuer.type === 'shop' ? `${where}全店通用` : '全场通用';
}

/** The shopper-facing message of each claim failure. */
export function claimMessage(code: ClaimCode, perUserLimit: number): string {
  switch (code) {
    case 'COUPON_PAUSED':
      return '该优惠券已暂停领取';
    case 'COUPON_NOT_STARTED':
      return '领取尚未开始';
    case 'COUPON_ENDED':
      return '领取已结束';
    case 'COUPON_SOLD_OUT':
      return '优惠券已被抢光';
    case 'COUPON_LIMIT_REACHED':
      return `每人限领${perUserLimit}张，您已领完`;
  }
}

export const SHOP_SUSPENDED_MESSAGE = '店铺暂停营业，暂不可领取';
