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

  it('refuses spec names that cannot be field names, in Chinese, and extra reserved keys in a row', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'a.b', '$set']) {
      const row = JSON.parse(JSON.stringify({ specValues: {}, priceFen: 1, stock: 0 }).replace('{}', JSON.stringify({ [name]: '红' })));
      expect(Object.keys(row.specValues)).toEqual([name]);
      let error: { code?: string; message?: string } = {};
      try {
        checkMatrix([{ name, values: ['红'] }], [row]);
      } catch (e) {
        error = e as typeof error;
      }
      expect({ name, code: error.code, message: error.message }).toEqual({ name, code: 'INVALID_ARGUMENT', message: expect.stringContaining(`规格名称「${name}」不能使用`) });
    }
    // a valid spec with a row that smuggles a `__proto__` key (as JSON.parse makes it, an own key)
    const smuggled = JSON.parse('{"specValues": {"色": "红", "码": "S", "__proto__": "x"}, "priceFen": 1, "stock": 0}');
    expect(code(() => checkMatrix(specs, [smuggled]))).toBe('INVALID_ARGUMENT');
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
