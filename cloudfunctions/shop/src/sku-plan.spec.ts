import type { SkuDoc } from '../../../server/model';
import { checkMatrix, comboKey, planSkus } from './sku-plan';

const T = new Date('2026-01-01T00:00:00Z');
const sku = (id: string, specValues: Record<string, string>, stock: number): SkuDoc => ({ _id: id, goodsId: 'g', shopId: 's', specValues, specText: '', priceFen: 100, stock, sales: 0, createdAt: T, updatedAt: T });
const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('sku plan', () => {
  const specs = [
    { name: '色', values: ['红', '蓝'] },
    { name: '码', values: ['S'] },
  ];

  it('keys combinations the same whatever the dimension order', () => {
    expect(comboKey({ 色: '红', 码: 'S' })).toBe(comboKey({ 码: 'S', 色: '红' }));
  });

  it('checks rows against the specs', () => {
    expect(code(() => checkMatrix(specs, [{ specValues: { 色: '红', 码: 'S' }, priceFen: 1, stock: 0 }]))).toBe('ok');
    expect(code(() => checkMatrix(specs, [{ specValues: { 色: '黑', 码: 'S' }, priceFen: 1, stock: 0 }]))).toBe('INVALID_ARGUMENT');
    expect(code(() => checkMatrix(specs, [{ specValues: { 色: '红' }, priceFen: 1, stock: 0 }]))).toBe('INVALID_ARGUMENT');
    expect(code(() => checkMatrix(specs, [{ specValues: { 色: '红', 码: 'S' }, priceFen: 1, stock: 0 }, { specValues: { 码: 'S', 色: '红' }, priceFen: 2, stock: 0 }]))).toBe('INVALID_ARGUMENT');
    expect(code(() => checkMatrix([{ name: '色', values: ['a;b'] }], [{ specValues: { 色: 'a;b' }, priceFen: 1, stock: 0 }]))).toBe('INVALID_ARGUMENT');
    expect(code(() => checkMatrix([], [{ specValues: {}, priceFen: 1, stock: 0 }]))).toBe('ok');
  });

  it('keeps matched SKUs, creates new ones, removes the rest, and applies stock as a difference', () => {
    const existing = [sku('red', { 色: '红', 码: 'S' }, 7), sku('green', { 色: '绿', 码: 'S' }, 2)];
    const plan = planSkus(
      [
        { specValues: { 码: 'S', 色: '红' }, priceFen: 100, stock: 15, baseStock: 10 },
        { specValues: { 色: '蓝', 码: 'S' }, priceFen: 100, stock: 4 },
      ],
      existing,
    );
    expect(plan.update.map((u) => [u.sku._id, u.delta])).toEqual([['red', 5]]);
    expect(plan.create.map((c) => c.key)).toEqual([comboKey({ 色: '蓝', 码: 'S' })]);
    expect(plan.remove.map((s) => s._id)).toEqual(['green']);
  });

  it('refuses a decrease below zero and a row that lost track of an existing SKU', () => {
    const existing = [sku('red', { 色: '红' }, 3)];
    expect(code(() => planSkus([{ specValues: { 色: '红' }, priceFen: 1, stock: 0, baseStock: 10 }], existing))).toBe('CONFLICT');
    expect(code(() => planSkus([{ specValues: { 色: '红' }, priceFen: 1, stock: 0, baseStock: 3 }], existing))).toBe('ok');
    expect(code(() => planSkus([{ specValues: { 色: '红' }, priceFen: 1, stock: 5 }], existing))).toBe('CONFLICT');
  });
});
