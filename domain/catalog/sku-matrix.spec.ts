import {
  availableValues,
  expandSkus,
  findSku,
  MAX_SKUS,
  skuKey,
  SpecDimension,
  specProblems,
  specText,
  StockedSku,
  validateSpecs,
} from './sku-matrix';

const color: SpecDimension = { name: '颜色', values: ['红', '蓝'] };
const size: SpecDimension = { name: '尺码', values: ['M', 'L'] };

describe('expandSkus', () => {
  it('gives the cartesian product, first dimension varying slowest', () => {
    expect(expandSkus([color, size])).toEqual([
      { specValues: { 颜色: '红', 尺码: 'M' }, key: '颜色:红;尺码:M' },
      { specValues: { 颜色: '红', 尺码: 'L' }, key: '颜色:红;尺码:L' },
      { specValues: { 颜色: '蓝', 尺码: 'M' }, key: '颜色:蓝;尺码:M' },
      { specValues: { 颜色: '蓝', 尺码: 'L' }, key: '颜色:蓝;尺码:L' },
    ]);
  });

  it('gives one SKU with an empty key for goods without specs', () => {
    expect(expandSkus([])).toEqual([{ specValues: {}, key: '' }]);
  });

  it('gives unique keys and the right count for three dimensions', () => {
    const skus = expandSkus([color, size, { name: '款式', values: ['A', 'B', 'C'] }]);
    expect(skus).toHaveLength(12);
    expect(new Set(skus.map((s) => s.key)).size).toBe(12);
  });

  it('throws on invalid specs', () => {
    expect(() => expandSkus([{ name: '颜色', values: [] }])).toThrow(/invalid specs/);
  });
});

describe('validateSpecs', () => {
  it('accepts valid specs, including none', () => {
    expect(validateSpecs([color, size])).toEqual({ ok: true, value: [color, size] });
    expect(validateSpecs([]).ok).toBe(true);
  });

  it.each<[string, SpecDimension[], string]>([
    ['too many dimensions', [color, size, { name: 'a', values: ['1'] }, { name: 'b', values: ['1'] }], 'at most 3 spec dimensions are allowed'],
    ['repeated names', [color, { name: '颜色', values: ['绿'] }], 'spec name 颜色 is repeated'],
    ['blank name', [{ name: ' ', values: ['1'] }], 'spec 1 name must not be blank'],
    ['padded name', [{ name: ' 颜色', values: ['1'] }], 'spec 1 name must not start or end with spaces'],
    ['reserved character', [{ name: '颜色', values: ['红;蓝'] }], "spec 颜色 value 1 must not contain ':' or ';'"],
    ['no values', [{ name: '颜色', values: [] }], 'spec 颜色 needs at least one value'],
    ['the name __proto__', [{ name: '__proto__', values: ['1'] }], 'spec name __proto__ is reserved'],
    ['the name constructor', [{ name: 'constructor', values: ['1'] }], 'spec name constructor is reserved'],
    ['the name toString', [{ name: 'toString', values: ['1'] }], 'spec name toString is reserved'],
    ['the name prototype', [{ name: 'prototype', values: ['1'] }], 'spec name prototype is reserved'],
    ['a name with a dot', [{ name: '颜.色', values: ['1'] }], "spec name 颜.色 must not contain '.'"],
    ['a name starting with $', [{ name: '$set', values: ['1'] }], "spec name $set must not start with '$'"],
    ['blank value', [{ name: '颜色', values: ['红', ''] }], 'spec 颜色 value 2 must not be blank'],
    ['repeated value', [{ name: '颜色', values: ['红', '红'] }], 'spec 颜色 value 红 is repeated'],
    [
      'too many SKUs',
      [
        { name: 'a', values: Array.from({ length: 10 }, (_, i) => `a${i}`) },
        { name: 'b', values: Array.from({ length: 11 }, (_, i) => `b${i}`) },
      ],
      `the specs make 110 SKUs; at most ${MAX_SKUS} are allowed`,
    ],
  ])('rejects %s with SPEC_INVALID', (_name, specs, problem) => {
    expect(specProblems(specs)).toEqual([problem]);
    expect(validateSpecs(specs)).toMatchObject({ ok: false, code: 'SPEC_INVALID', details: { problems: [problem] } });
  });

  it('keeps values free: a value may look like a reserved name, it is never a key', () => {
    expect(validateSpecs([{ name: '款式', values: ['__proto__', 'constructor', 'a.b', '$x'] }]).ok).toBe(true);
  });

  it('allows exactly 100 SKUs', () => {
    const ten = (p: string): SpecDimension => ({ name: p, values: Array.from({ length: 10 }, (_, i) => `${p}${i}`) });
    expect(validateSpecs([ten('a'), ten('b')]).ok).toBe(true);
    expect(expandSkus([ten('a'), ten('b')])).toHaveLength(100);
  });
});

describe('specText and skuKey', () => {
  it('joins values with " / "', () => {
    expect(specText({ 颜色: '红', 尺码: 'M' })).toBe('红 / M');
    expect(specText({})).toBe('');
  });

  it('follows the dimension order when given, not the object key order', () => {
    const values = { 尺码: 'M', 颜色: '红' };
    expect(specText(values, [color, size])).toBe('红 / M');
    expect(skuKey([color, size], values)).toBe('颜色:红;尺码:M');
    expect(() => skuKey([color, size], { 颜色: '红' })).toThrow(/尺码/);
  });
});

describe('availableValues (the SKU picker)', () => {
  const stock: Record<string, number> = { '红/M': 5, '红/L': 0, '蓝/M': 0, '蓝/L': 2 };
  const skus: StockedSku[] = expandSkus([color, size]).map((s) => ({
    specValues: s.specValues,
    stock: stock[specText(s.specValues, [color, size]).replace(' / ', '/')],
  }));

  it('offers every value with some stock when nothing is selected', () => {
    expect(availableValues(skus, {})).toEqual({ 颜色: ['红', '蓝'], 尺码: ['M', 'L'] });
  });

  it('greys out combinations without stock given a partial selection', () => {
    expect(availableValues(skus, { 颜色: '红' })).toEqual({ 颜色: ['红', '蓝'], 尺码: ['M'] });
    expect(availableValues(skus, { 颜色: '蓝' })).toEqual({ 颜色: ['红', '蓝'], 尺码: ['L'] });
    expect(availableValues(skus, { 尺码: 'L' })).toEqual({ 颜色: ['蓝'], 尺码: ['M', 'L'] });
  });

  it('ignores a dimension\'s own selection so the shopper can switch it', () => {
    expect(availableValues(skus, { 颜色: '红', 尺码: 'M' })).toEqual({ 颜色: ['红'], 尺码: ['M'] });
    expect(availableValues(skus, { 颜色: '蓝', 尺码: 'L' })).toEqual({ 颜色: ['蓝'], 尺码: ['L'] });
  });

  it('lists a dimension with no selectable value as empty, keeping value order stable', () => {
    const soldOut = skus.map((s) => ({ ...s, stock: 0 }));
    expect(availableValues(soldOut, {})).toEqual({ 颜色: [], 尺码: [] });
    const onlyBlueL = skus.map((s) => ({ ...s, stock: s.specValues['颜色'] === '蓝' && s.specValues['尺码'] === 'L' ? 1 : 0 }));
    expect(availableValues(onlyBlueL, {})).toEqual({ 颜色: ['蓝'], 尺码: ['L'] });
  });

  it('finds the SKU of a complete selection only', () => {
    expect(findSku(skus, { 颜色: '蓝', 尺码: 'L' })?.stock).toBe(2);
    expect(findSku(skus, { 颜色: '蓝' })).toBeUndefined();
    expect(findSku([{ specValues: {}, stock: 3 }], {})?.stock).toBe(3);
  });
});
