import { couponCovers, snapshotTerms } from './coupon-template';

const goods = { goodsId: 'g1', shopId: 'shop-a', categoryIds: ['c1', 'c2'] };

describe('couponCovers', () => {
  it('lets a platform coupon cover goods of any shop within its scope', () => {
    expect(couponCovers({ issuer: { type: 'platform' }, scope: { type: 'all' } }, goods)).toBe(true);
    expect(couponCovers({ issuer: { type: 'platform' }, scope: { type: 'all' } }, { ...goods, shopId: 'shop-z' })).toBe(true);
  });

  it('never lets a shop coupon cover another shop, whatever the scope', () => {
    const issuer = { type: 'shop', shopId: 'shop-b' } as const;
    expect(couponCovers({ issuer, scope: { type: 'all' } }, goods)).toBe(false);
    expect(couponCovers({ issuer, scope: { type: 'goods', goodsIds: ['g1'] } }, goods)).toBe(false);
    expect(couponCovers({ issuer: { type: 'shop', shopId: 'shop-a' }, scope: { type: 'all' } }, goods)).toBe(true);
  });

  it('matches categories by any overlap and goods by id', () => {
    const issuer = { type: 'platform' } as const;
    expect(couponCovers({ issuer, scope: { type: 'categories', categoryIds: ['c2', 'c9'] } }, goods)).toBe(true);
    expect(couponCovers({ issuer, scope: { type: 'categories', categoryIds: ['c9'] } }, goods)).toBe(false);
    expect(couponCovers({ issuer, scope: { type: 'goods', goodsIds: ['g1'] } }, goods)).toBe(true);
    expect(couponCovers({ issuer, scope: { type: 'goods', goodsIds: ['g2'] } }, goods)).toBe(false);
  });
});

describe('snapshotTerms', () => {
  it('keeps only pricing fields and drops absent optional ones', () => {
    const snapshot = snapshotTerms({
      title: '8.5折',
      issuer: { type: 'platform' },
      kind: 'percent',
      percent: 85,
      scope: { type: 'all' },
      // Extra template fields must not leak into the snapshot.
      ...{ id: 'tpl', totalQuantity: 5 },
    });
    expect(snapshot).toEqual({ title: '8.5折', issuer: { type: 'platform' }, kind: 'percent', percent: 85, scope: { type: 'all' } });
    expect(Object.keys(snapshot)).toEqual(['title', 'issuer', 'kind', 'percent', 'scope']);
  });
});
