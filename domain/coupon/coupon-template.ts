/**
 * The coupon template model: what a platform operator or a merchant defines, and what a shopper
 * claims copies of. {@link CouponTerms} are the fields that price an order; a claimed coupon keeps
 * a snapshot of them, so editing a template never changes coupons already claimed.
 */
import type { Fen } from '../money';

/** The kinds of coupon: a fixed amount off, an amount off above a threshold, or a percentage paid. */
export type CouponKind = 'fixed' | 'threshold' | 'percent';

/** Who funds the discount: the platform (usable across shops) or one shop (only on its own goods). */
export type CouponIssuer = { readonly type: 'platform' } | { readonly type: 'shop'; readonly shopId: string };

/** Which goods a coupon covers, within its issuer (a shop coupon only ever covers that shop's goods). */
export type CouponScope =
  | { readonly type: 'all' }
  | { readonly type: 'categories'; readonly categoryIds: readonly string[] }
  | { readonly type: 'goods'; readonly goodsIds: readonly string[] };

/**
 * When a claimed coupon can be used: a fixed window `[startAt, endAt)`, or `days` times 24 hours
 * from the moment of claiming.
 */
export type CouponValidity =
  | { readonly type: 'fixed'; readonly startAt: number; readonly endAt: number }
  | { readonly type: 'relative'; readonly days: number };

/** Whether shoppers can claim a template right now (`paused` stops claiming, not using). */
export type CouponTemplateStatus = 'active' | 'paused';

/** The fields of a template that price an order; copied into every claimed coupon. */
export interface CouponTerms {
  readonly title: string;
  readonly issuer: CouponIssuer;
  readonly kind: CouponKind;
  /** The discount in fen, for `fixed` and `threshold` coupons. */
  readonly amountFen?: Fen;
  /** The minimum eligible spend: required for `threshold` (10000 for "满100减20"), optional for `percent`. */
  readonly thresholdFen?: Fen;
  /** For `percent` coupons: the share paid, an integer 1..99 (85 means 8.5折, i.e. 15% off). */
  readonly percent?: number;
  /** For `percent` coupons: an optional cap on the discount. */
  readonly maxDiscountFen?: Fen;
  readonly scope: CouponScope;
}

/** A coupon template as stored. */
export interface CouponTemplate extends CouponTerms {
  readonly id: string;
  readonly validity: CouponValidity;
  /** Shoppers can claim in `[startAt, endAt)`. */
  readonly claimWindow: { readonly startAt: number; readonly endAt: number };
  /** How many coupons can be claimed in total. */
  readonly totalQuantity: number;
  /** How many coupons one shopper can claim. */
  readonly perUserLimit: number;
  readonly status: CouponTemplateStatus;
}

/** Copies the pricing fields of a template, leaving out absent optional fields. */
export function snapshotTerms(template: CouponTerms): CouponTerms {
  const { title, issuer, kind, amountFen, thresholdFen, percent, maxDiscountFen, scope } = template;
  return {
    title,
    issuer,
    kind,
    ...(amountFen === undefined ? {} : { amountFen }),
    ...(thresholdFen === undefined ? {} : { thresholdFen }),
    ...(percent === undefined ? {} : { percent }),
    ...(maxDiscountFen === undefined ? {} : { maxDiscountFen }),
    scope,
  };
}

/** The facts about an order line that decide whether a coupon covers it. */
export interface CoverableGoods {
  readonly goodsId: string;
  readonly shopId: string;
  readonly categoryIds: readonly string[];
}

/**
 * Returns true when a coupon with these terms covers the goods: a shop coupon only covers its own
 * shop's goods, then the scope decides (all goods, any of the categories, or the listed goods).
 * Also usable on a goods page to list the coupons that apply to it.
 */
export function couponCovers(terms: Pick<CouponTerms, 'issuer' | 'scope'>, goods: CoverableGoods): boolean {
  if (terms.issuer.type === 'shop' && terms.issuer.shopId !== goods.shopId) return false;
  const scope = terms.scope;
  switch (scope.type) {
    case 'all':
      return true;
    case 'categories':
      return goods.categoryIds.some((id) => scope.categoryIds.includes(id));
    case 'goods':
      return scope.goodsIds.includes(goods.goodsId);
  }
}
