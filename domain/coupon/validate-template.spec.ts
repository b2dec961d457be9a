import { makeTemplate, T0 } from '../testing/coupon-fixtures';
import { DAY_MS } from '../time';
import type { CouponTemplate } from './coupon-template';
import { templateProblems, validateTemplate } from './validate-template';

/** Builds a template from raw data the type system would reject, as an admin form might send. */
const raw = (overrides: Record<string, unknown>): CouponTemplate => ({ ...makeTemplate(), ...overrides }) as CouponTemplate;

describe('validateTemplate', () => {
  it('accepts valid templates of every kind and issuer', () => {
    expect(validateTemplate(makeTemplate())).toEqual({ ok: true, value: makeTemplate() });
    const shopPercent = makeTemplate({
      kind: 'percent',
      amountFen: undefined,
      thresholdFen: undefined,
      percent: 85,
      maxDiscountFen: 5000,
      issuer: { type: 'shop', shopId: 'shop-a' },
      scope: { type: 'categories', categoryIds: ['c1', 'c2'] },
      validity: { type: 'relative', days: 7 },
    });
    expect(templateProblems(shopPercent)).toEqual([]);
    expect(templateProblems(makeTemplate({ kind: 'fixed', thresholdFen: undefined, scope: { type: 'goods', goodsIds: ['g1'] } }))).toEqual([]);
  });

  it('reports all problems at once with the code COUPON_TEMPLATE_INVALID', () => {
    const result = validateTemplate(
      makeTemplate({ title: ' ', totalQuantity: 0, perUserLimit: 0, claimWindow: { startAt: T0 + 5, endAt: T0 } }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'COUPON_TEMPLATE_INVALID',
      details: {
        problems: [
          'title: must be a non-empty string',
          'claimWindow: startAt must be before endAt',
          'totalQuantity: must be a positive integer',
          'perUserLimit: must be a positive integer',
        ],
      },
    });
  });

  it.each<[string, CouponTemplate, string]>([
    ['unknown kind', raw({ kind: 'bogo' }), 'kind: unknown kind bogo'],
    ['shop without id', makeTemplate({ issuer: { type: 'shop', shopId: '' } }), 'issuer.shopId: must be a non-empty string'],
    ['bad issuer', raw({ issuer: { type: 'mall' } }), 'issuer: must be the platform or a shop'],
    ['empty categories', makeTemplate({ scope: { type: 'categories', categoryIds: [] } }), 'scope.categoryIds: must list at least one id'],
    ['duplicate goods', makeTemplate({ scope: { type: 'goods', goodsIds: ['g', 'g'] } }), 'scope.goodsIds: ids must be unique'],
    ['blank goods id', makeTemplate({ scope: { type: 'goods', goodsIds: [''] } }), 'scope.goodsIds: ids must be non-empty strings'],
    ['bad scope', raw({ scope: { type: 'brand' } }), 'scope: must be all, categories or goods'],
    ['zero days', makeTemplate({ validity: { type: 'relative', days: 0 } }), 'validity.days: must be an integer from 1 to 365'],
    ['too many days', makeTemplate({ validity: { type: 'relative', days: 366 } }), 'validity.days: must be an integer from 1 to 365'],
    ['inverted validity', makeTemplate({ validity: { type: 'fixed', startAt: T0 + 1, endAt: T0 } }), 'validity: startAt must be before endAt'],
    ['bad validity', raw({ validity: { type: 'forever' } }), 'validity: must be fixed or relative'],
    ['fractional time', makeTemplate({ claimWindow: { startAt: 0.5, endAt: T0 } }), 'claimWindow: startAt and endAt must be timestamps in ms'],
    ['missing window', raw({ claimWindow: undefined }), 'claimWindow: is required'],
    [
      'claiming after validity',
      makeTemplate({ claimWindow: { startAt: T0, endAt: T0 + 31 * DAY_MS } }),
      'claimWindow: must end no later than the validity, or shoppers could claim dead coupons',
    ],
    ['limit above total', makeTemplate({ totalQuantity: 1, perUserLimit: 2 }), 'perUserLimit: must not exceed totalQuantity'],
    ['bad status', raw({ status: 'deleted' }), 'status: must be active or paused'],
    ['missing id', makeTemplate({ id: '' }), 'id: must be a non-empty string'],
    ['kind fields', makeTemplate({ percent: 80 }), 'percent: not used by threshold coupons'],
  ])('rejects %s', (_name, template, problem) => {
    expect(templateProblems(template)).toEqual([problem]);
    expect(validateTemplate(template).ok).toBe(false);
  });
});
