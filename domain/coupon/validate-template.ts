/**
 * Business validation of a coupon template before it is saved (the cloud function checks the
 * JSON shape with its schema first; this checks the rules). Every problem is reported at once, as
 * `field: reason` strings in `details.problems`, so an admin form can show them all.
 */
import { fail, ok, Outcome } from '../result';
import { findCouponKind } from './coupon-kinds';
import type { CouponTemplate } from './coupon-template';

/** The longest relative validity, in days. */
export const MAX_RELATIVE_VALIDITY_DAYS = 365;

/** The failure code of {@link validateTemplate}. */
export type TemplateValidationCode = 'COUPON_TEMPLATE_INVALID';

const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isPositiveInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

function idListProblems(field: string, ids: readonly unknown[]): string[] {
  if (!Array.isArray(ids) || ids.length === 0) return [`${field}: must list at least one id`];
  if (!ids.every(nonEmpty)) return [`${field}: ids must be non-empty strings`];
  return new Set(ids).size === ids.length ? [] : [`${field}: ids must be unique`];
}

function windowProblems(field: string, window: { readonly startAt: number; readonly endAt: number }): string[] {
  if (!isTime(window.startAt) || !isTime(window.endAt)) return [`${field}: startAt and endAt must be timestamps in ms`];
  return window.startAt < window.endAt ? [] : [`${field}: startAt must be before endAt`];
}

/** Returns every rule the template breaks; empty when it is valid. */
export function templateProblems(t: CouponTemplate): string[] {
  const problems: string[] = [];
  if (!nonEmpty(t.id)) problems.push('id: must be a non-empty string');
  if (!nonEmpty(t.title)) problems.push('title: must be a non-empty string');

  if (t.issuer?.type === 'shop') {
    if (!nonEmpty(t.issuer.shopId)) problems.push('issuer.shopId: must be a non-empty string');
  } else if (t.issuer?.type !== 'platform') {
    problems.push('issuer: must be the platform or a shop');
  }

  const kind = findCouponKind(t.kind);
  if (kind) problems.push(...kind.validate(t));
  else problems.push(`kind: unknown kind ${String(t.kind)}`);

  const scope = t.scope;
  if (scope?.type === 'categories') problems.push(...idListProblems('scope.categoryIds', scope.categoryIds));
  else if (scope?.type === 'goods') problems.push(...idListProblems('scope.goodsIds', scope.goodsIds));
  else if (scope?.type !== 'all') problems.push('scope: must be all, categories or goods');

  const validity = t.validity;
  const validityProblems: string[] = [];
  if (validity?.type === 'fixed') {
    validityProblems.push(...windowProblems('validity', validity));
  } else if (validity?.type === 'relative') {
    if (!isPositiveInt(validity.days) || validity.days > MAX_RELATIVE_VALIDITY_DAYS) {
      validityProblems.push(`validity.days: must be an integer from 1 to ${MAX_RELATIVE_VALIDITY_DAYS}`);
    }
  } else {
    validityProblems.push('validity: must be fixed or relative');
  }
  problems.push(...validityProblems);

  const claimProblems = t.claimWindow ? windowProblems('claimWindow', t.claimWindow) : ['claimWindow: is required'];
  problems.push(...claimProblems);
  const bothValid = claimProblems.length === 0 && validityProblems.length === 0;
  if (bothValid && validity.type === 'fixed' && t.claimWindow.endAt > validity.endAt) {
    problems.push('claimWindow: must end no later than the validity, or shoppers could claim dead coupons');
  }

  if (!isPositiveInt(t.totalQuantity)) problems.push('totalQuantity: must be a positive integer');
  if (!isPositiveInt(t.perUserLimit)) problems.push('perUserLimit: must be a positive integer');
  else if (isPositiveInt(t.totalQuantity) && t.perUserLimit > t.totalQuantity) {
    problems.push('perUserLimit: must not exceed totalQuantity');
  }

  if (t.status !== 'active' && t.status !== 'paused') problems.push('status: must be active or paused');
  return problems;
}

/** Returns the template when it is valid, or `COUPON_TEMPLATE_INVALID` with `details.problems`. */
export function validateTemplate(template: CouponTemplate): Outcome<CouponTemplate, TemplateValidationCode> {
  const problems = templateProblems(template);
  if (problems.length === 0) return ok(template);
  return fail('COUPON_TEMPLATE_INVALID', `the coupon template is invalid: ${problems.join('; ')}`, { problems });
}
