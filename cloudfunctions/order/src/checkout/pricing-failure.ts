/** Domain pricing failures as the envelope's error codes and shopper-facing messages. */
import type { ServerErrorCode } from '../../../../miniprogram/contracts';
import type { FailureDetails, PricingCode } from '../../../../domain';
import { fail } from '../../../../server/failure';

/** `¥12.00` from fen, in integers only. */
export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const CODES: Record<PricingCode, ServerErrorCode> = {
  EMPTY_CART: 'CART_EMPTY',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  COUPON_STACKING_NOT_ALLOWED: 'COUPON_STACKING_NOT_ALLOWED',
  COUPON_ALREADY_USED: 'COUPON_ALREADY_USED',
  // the contracts have no separate code: to the shopper a coupon held by another unpaid order is in use
  COUPON_LOCKED: 'COUPON_ALREADY_USED',
  COUPON_EXPIRED: 'COUPON_EXPIRED',
  COUPON_NOT_USABLE_YET: 'COUPON_NOT_USABLE_YET',
  COUPON_NOT_APPLICABLE: 'COUPON_NOT_APPLICABLE',
  COUPON_THRESHOLD_NOT_MET: 'COUPON_THRESHOLD_NOT_MET',
};

/** What the shopper reads for a pricing failure, e.g. "还差¥12.00可用". */
export function pricingMessage(code: PricingCode, details?: FailureDetails): string {
  switch (code) {
    case 'EMPTY_CART':
      return '请选择要结算的商品';
    case 'INVALID_QUANTITY':
      return '购买数量不正确';
    case 'COUPON_STACKING_NOT_ALLOWED':
      return '所选优惠券不能同时使用';
    case 'COUPON_ALREADY_USED':
      return '优惠券已使用';
    case 'COUPON_LOCKED':
      return '优惠券已被待支付订单占用';
    case 'COUPON_EXPIRED':
      return '优惠券已过期';
    case 'COUPON_NOT_USABLE_YET':
      return '优惠券未到使用时间';
    case 'COUPON_NOT_APPLICABLE':
      return '所选商品不可使用该优惠券';
    case 'COUPON_THRESHOLD_NOT_MET':
      return typeof details?.missingFen === 'number' ? `还差${yuan(details.missingFen)}可用` : '未达到使用门槛';
  }
}

export function pricingErrorCode(code: PricingCode): ServerErrorCode {
  return CODES[code];
}

/** Throws the envelope failure for a domain pricing failure. */
export function failPricing(f: { code: PricingCode; details?: FailureDetails }): never {
  return fail(CODES[f.code], pricingMessage(f.code, f.details), f.details as Record<string, unknown> | undefined);
}
