import { fixed, T0, threshold } from '../testing/coupon-fixtures';
import { applyCoupon, linePayable, PricingLine } from './apply-coupon';

const line = (key: string, shopId: string, goodsFen: number, shopDiscountFen = 0): PricingLine => ({
  key,
  goodsId: `g-${key}`,
  shopId,
  categoryIds: [],
  goodsFen,
  shopDiscountFen,
  platformDiscountFen: 0,
});
const now = T0 + 1;

describe('applyCoupon', () => {
  it('weights the allocation by what each line still pays and records shares per line', () => {
    const lines = [line('a', 'A', 5000, 2000), line('b', 'A', 3000), line('c', 'B', 0)];
    const result = applyCoupon(fixed('p', 600), lines, new Map([['A', 0], ['B', 0]]), now);
    expect(result.ok && [result.value.discountFen, [...result.value.lineDiscounts]]).toEqual([600, [['a', 300], ['b', 300]]]);
    expect(lines.map((l) => [l.shopDiscountFen, l.platformDiscountFen])).toEqual([[2000, 300], [0, 300], [0, 0]]);
  });

  it('books shop coupons as shop discounts', () => {
    const lines = [line('a', 'A', 5000)];
    applyCoupon(fixed('s', 700, 'A'), lines, new Map([['A', 0]]), now);
    expect(lines[0]).toMatchObject({ shopDiscountFen: 700, platformDiscountFen: 0 });
    expect(linePayable(lines[0])).toBe(4300);
  });

  it('gives back from the largest share when an order would pay nothing, unless shipping is left to pay', () => {
    const free = [line('a', 'A', 100), line('b', 'A', 300)];
    const r1 = applyCoupon(fixed('p', 1000), free, new Map([['A', 0]]), now);
    expect(r1.ok && r1.value.discountFen).toBe(399);
    expect(free.map(linePayable)).toEqual([0, 1]);

    const shipped = [line('a', 'A', 100), line('b', 'A', 300)];
    const r2 = applyCoupon(fixed('p', 1000), shipped, new Map([['A', 1]]), now);
    expect(r2.ok && r2.value.discountFen).toBe(400);
  });

  it('leaves the lines untouched when the coupon fails or gives nothing', () => {
    const lines = [line('a', 'A', 5000)];
    expect(applyCoupon(threshold('p', 9000, 100), lines, new Map([['A', 0]]), now)).toMatchObject({ code: 'COUPON_THRESHOLD_NOT_MET' });
    const almostFree = [line('a', 'A', 5000, 4999)];
    expect(applyCoupon(fixed('p', 100), almostFree, new Map([['A', 0]]), now)).toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
    expect(lines[0].platformDiscountFen + almostFree[0].platformDiscountFen).toBe(0);
  });
});
