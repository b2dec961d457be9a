/**
 * Builders for coupon templates and claimed coupons in specs. Test support only; not exported
 * from `domain/index.ts`.
 */
import type { CouponTemplate, CouponTerms } from '../coupon/coupon-template';
import type { UserCoupon } from '../coupon/user-coupon';
import { DAY_MS } from '../time';

/** 2024-06-01T00:00:00Z, the "now" most specs use. */
export const T0 = Date.UTC(2024, 5, 1);

/** Returns a valid platform "满100减20" template, with `overrides` applied. */
export function makeTemplate(overrides: Partial<CouponTemplate> = {}): CouponTemplate {
  return {
    id: 'tpl-1',
    title: '满100减20',
    issuer: { type: 'platform' },
    kind: 'threshold',
    amountFen: 2000,
    thresholdFen: 10000,
    scope: { type: 'all' },
    validity: { type: 'fixed', startAt: T0, endAt: T0 + 30 * DAY_MS },
    claimWindow: { startAt: T0, endAt: T0 + 10 * DAY_MS },
    totalQuantity: 100,
    perUserLimit: 2,
    status: 'active',
    ...overrides,
  };
}

/** Returns an unused coupon valid for 30 days from {@link T0} with the given terms. */
export function makeCoupon(id: string, terms: Partial<CouponTerms> & Pick<CouponTerms, 'kind'>, overrides: Partial<UserCoupon> = {}): UserCoupon {
  return {
    id,
    templateId: `tpl-${id}`,
    openid: 'shopper-1',
    status: 'unused',
    validFrom: T0,
    validTo: T0 + 30 * DAY_MS,
    template: { title: id, issuer: { type: 'platform' }, scope: { type: 'all' }, ...terms },
    ...overrides,
  };
}

/** A fixed coupon of `amountFen` from `issuer` (the platform unless a shop id is given). */
export function fixed(id: string, amountFen: number, shopId?: string, overrides: Partial<UserCoupon> = {}): UserCoupon {
  return makeCoupon(id, { kind: 'fixed', amountFen, issuer: shopId ? { type: 'shop', shopId } : { type: 'platform' } }, overrides);
}

/** A threshold coupon: `amountFen` off from `thresholdFen`. */
export function threshold(id: string, thresholdFen: number, amountFen: number, shopId?: string): UserCoupon {
  return makeCoupon(id, {
    kind: 'threshold',
    amountFen,
    thresholdFen,
    issuer: shopId ? { type: 'shop', shopId } : { type: 'platform' },
  });
}

/** A percent coupon where the shopper pays `percent`%. */
export function percent(id: string, percentPaid: number, extra: Partial<CouponTerms> = {}): UserCoupon {
  return makeCoupon(id, { kind: 'percent', percent: percentPaid, ...extra });
}
