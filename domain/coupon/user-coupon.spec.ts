import { makeTemplate, T0 } from '../testing/coupon-fixtures';
import { DAY_MS } from '../time';
import { issueUserCoupon } from './user-coupon';

describe('issueUserCoupon', () => {
  it('creates an unused coupon with the validity and a pricing snapshot', () => {
    const template = makeTemplate({ validity: { type: 'relative', days: 3 } });
    const coupon = issueUserCoupon(template, { id: 'uc-1', openid: 'o-1', claimedAt: T0 + 7 });
    expect(coupon).toEqual({
      id: 'uc-1',
      templateId: 'tpl-1',
      openid: 'o-1',
      status: 'unused',
      validFrom: T0 + 7,
      validTo: T0 + 7 + 3 * DAY_MS,
      template: {
        title: '满100减20',
        issuer: { type: 'platform' },
        kind: 'threshold',
        amountFen: 2000,
        thresholdFen: 10000,
        scope: { type: 'all' },
      },
    });
    expect(Object.keys(coupon.template)).not.toContain('percent');
  });
});
