import { availableValues, fieldNameProblem, findSku } from '../../domain/catalog/sku-matrix';
import type { SpecDimension } from '../../miniprogram/services/contracts';
import { initialSelection, selectedSku, specNameProblem, specStates, toggleSpec } from '../../miniprogram/shared/sku-matrix';
import { longjingDetail } from './fixtures/catalog';

const { specs, skus } = longjingDetail;
const states = (selection: Record<string, string>) =>
  specStates(specs, skus, selection).map((dimension) => dimension.values.map((v) => `${v.value}${v.disabled ? '×' : ''}${v.selected ? '✓' : ''}`));

describe('sku matrix', () => {
  it('offers every value some SKU in stock has, before anything is picked', () => {
    expect(states({})).toEqual([
      ['礼盒装', '简装'],
      ['250g', '500g'],
    ]);
  });

  it('greys out values whose combination with the picks is sold out or missing', () => {
    // 礼盒装 250g has no stock; 简装 500g does not exist.
    expect(states({ 包装: '礼盒装' })).toEqual([
      ['礼盒装✓', '简装'],
      ['250g×', '500g'],
    ]);
    expect(states({ 包装: '简装' })).toEqual([
      ['礼盒装', '简装✓'],
      ['250g', '500g×'],
    ]);
    expect(states({ 规格: '500g' })).toEqual([
      ['礼盒装', '简装×'],
      ['250g', '500g✓'],
    ]);
  });

  it('greys out everything when nothing is in stock', () => {
    const soldOut = skus.map((sku) => ({ ...sku, stock: 0 }));
    expect(specStates(specs, soldOut, {}).flatMap((d) => d.values).every((v) => v.disabled)).toBe(true);
  });

  it('names the SKU once every dimension is picked', () => {
    expect(selectedSku(specs, skus, { 包装: '礼盒装' })).toBeNull();
    expect(selectedSku(specs, skus, { 包装: '礼盒装', 规格: '500g' })?.id).toBe('sku-gift-500');
    expect(selectedSku(specs, skus, { 包装: '简装', 规格: '500g' })).toBeNull();
  });

  it('picks the only SKU of goods without specs', () => {
    const single = [{ id: 'sku-only', specValues: {}, stock: 3 }];
    expect(selectedSku([], single, initialSelection(single))?.id).toBe('sku-only');
  });

  it('toggles a pick and pre-picks the only SKU in stock', () => {
    expect(toggleSpec({ 包装: '礼盒装' }, '包装', '礼盒装')).toEqual({});
    expect(toggleSpec({ 包装: '礼盒装' }, '包装', '简装')).toEqual({ 包装: '简装' });
    expect(initialSelection(skus)).toEqual({});
    expect(initialSelection(skus.map((sku) => (sku.id === 'sku-plain-250' ? sku : { ...sku, stock: 0 })))).toEqual({ 包装: '简装', 规格: '250g' });
  });
});

describe('the same rule as domain/catalog/sku-matrix.ts', () => {
  // The mini-program cannot import domain/ (DevTools compiles only miniprogram/), so it keeps its
  // own copy; this checks both agree on every partial selection of a few goods.
  const goods: Array<{ specs: SpecDimension[]; skus: Array<{ id: string; specValues: Record<string, string>; stock: number }> }> = [
    longjingDetail,
    { specs: [{ name: '颜色', values: ['红', '蓝', '绿'] }, { name: '尺码', values: ['S', 'M'] }, { name: '款式', values: ['常规', '加绒'] }],
      skus: ['红', '蓝', '绿'].flatMap((c, i) => ['S', 'M'].flatMap((s, j) => ['常规', '加绒'].map((k, l) => ({ id: `${c}${s}${k}`, specValues: { 颜色: c, 尺码: s, 款式: k }, stock: (i + j + l) % 3 === 0 ? 0 : 1 })))) },
  ];

  function selections(specs: Array<{ name: string; values: string[] }>): Array<Record<string, string>> {
    return specs.reduce<Array<Record<string, string>>>((all, spec) => all.flatMap((partial) => [partial, ...spec.values.map((value) => ({ ...partial, [spec.name]: value }))]), [{}]);
  }

  it.each(goods.map((g, i) => [i, g] as const))('goods %i: available values and the picked SKU', (_i, { specs, skus }) => {
    for (const selection of selections(specs)) {
      const mine = Object.fromEntries(specStates(specs, skus, selection).map((d) => [d.name, d.values.filter((v) => !v.disabled).map((v) => v.value)]));
      const theirs = availableValues(skus, selection);
      for (const spec of specs) expect([selection, spec.name, mine[spec.name]]).toEqual([selection, spec.name, theirs[spec.name] ?? []]);
      const complete = specs.every((spec) => selection[spec.name] !== undefined);
      expect(selectedSku(specs, skus, selection)?.id).toBe(complete ? findSku(skus, selection)?.id : undefined);
    }
  });
});

describe('spec names', () => {
  it('the edit form refuses exactly the names the server refuses', () => {
    const names = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', '颜色', '尺码', 'size', 'a.b', '.x', '$set', 'x$', 'proto', '__proto', 'Constructor', 'toString2'];
    for (const name of names) expect([name, specNameProblem(name) !== '']).toEqual([name, fieldNameProblem(name) !== null]);
    expect(specNameProblem('__proto__')).toBe('规格名称「__proto__」是保留名，请换一个');
  });
});
