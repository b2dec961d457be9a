/** How a coupon reads on a ticket: its value, its condition and who issued it. */
import type { CouponKind, UserCouponView } from '../contracts';
import { formatFen } from '../services/format';

interface CouponTerms {
  kind: CouponKind;
  amountFen?: number;
  thresholdFen?: number;
  percent?: number;
  maxDiscountFen?: number;
  issuer: UserCouponView['issuer'];
}

export interface CouponFace {
  /** "¥20.00" or "8.5折". */
  valueText: string;
  /** "满¥100.00可用", "无门槛", "最多减¥30.00"... */
  conditionText: string;
  /** "平台券" or the shop's name. */
  issuerText: string;
}

/** 85 (share paid, in percent) -> "8.5折", 80 -> "8折". */
function discountRateText(percent: number): string {
  const tenths = Math.round(percent);
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return `${whole}${rest ? `.${rest}` : ''}折`;
}

export function couponFace(terms: CouponTerms): CouponFace {
  const valueText = terms.kind === 'percent' ? discountRateText(terms.percent ?? 100) : formatFen(terms.amountFen ?? 0);
  const conditions: string[] = [];
  conditions.push(terms.thresholdFen ? `满${formatFen(terms.thresholdFen)}可用` : '无门槛');
  if (terms.kind === 'percent' && terms.maxDiscountFen) conditions.push(`最多减${formatFen(terms.maxDiscountFen)}`);
  return {
    valueText,
    conditionText: conditions.join('，'),
    issuerText: terms.issuer.type === 'platform' ? '平台券' : terms.issuer.shopName,
  };
}
