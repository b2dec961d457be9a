import { allocate, assertFen, fractionOf, isFen, multiplyFen, percentOf, sumFen } from './money';
import { seededRandom } from './testing/seeded-random';

describe('isFen / assertFen', () => {
  it('accepts safe non-negative integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(1999)).toBe(true);
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [-1, 0.5, 12.3, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined]) {
      expect(isFen(bad)).toBe(false);
    }
  });

  it('throws a RangeError naming the value', () => {
    expect(() => assertFen(1.5, 'unitPriceFen')).toThrow(/unitPriceFen/);
    expect(() => assertFen(-3)).toThrow(RangeError);
    expect(() => assertFen(3)).not.toThrow();
  });
});

describe('sumFen', () => {
  it('adds amounts and gives 0 for none', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, 3])).toBe(6);
  });

  it('rejects invalid amounts and overflow', () => {
    expect(() => sumFen([1, -1])).toThrow(/amounts\[1\]/);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('multiplyFen', () => {
  it('multiplies unit price by quantity', () => {
    expect(multiplyFen(1999, 3)).toBe(5997);
    expect(multiplyFen(1999, 0)).toBe(0);
  });

  it('rejects overflow, fractional and negative quantities', () => {
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(/MAX_SAFE_INTEGER/);
    expect(multiplyFen(Math.floor(Number.MAX_SAFE_INTEGER / 2), 2)).toBe(Number.MAX_SAFE_INTEGER - 1);
    expect(() => multiplyFen(100, 1.5)).toThrow(RangeError);
    expect(() => multiplyFen(100, -1)).toThrow(RangeError);
    expect(() => multiplyFen(0.5, 2)).toThrow(RangeError);
  });
});

describe('percentOf / fractionOf', () => {
  it('rounds half up to the fen', () => {
    expect(percentOf(15, 50)).toBe(8); // 7.5 -> 8
    expect(percentOf(14, 50)).toBe(7);
    expect(percentOf(1, 49)).toBe(0); // 0.49 -> 0
    expect(percentOf(1, 50)).toBe(1); // 0.5 -> 1
    expect(percentOf(10, 15)).toBe(2); // 1.5 -> 2
    expect(percentOf(10000, 85)).toBe(8500);
    expect(percentOf(0, 85)).toBe(0);
    expect(percentOf(200, 150)).toBe(300);
  });

  it('supports finer rates through fractionOf (basis points)', () => {
    expect(fractionOf(10000, 250, 10_000)).toBe(250); // 2.5 %
    expect(fractionOf(99, 250, 10_000)).toBe(2); // 2.475 -> 2
    expect(fractionOf(100, 250, 10_000)).toBe(3); // 2.5 -> 3
  });

  it('stays exact for amounts whose product exceeds the safe range', () => {
    expect(percentOf(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
    expect(percentOf(Number.MAX_SAFE_INTEGER, 50)).toBe(Math.ceil(Number.MAX_SAFE_INTEGER / 2));
    expect(() => percentOf(Number.MAX_SAFE_INTEGER, 200)).toThrow(RangeError);
  });

  it('rejects invalid rates', () => {
    expect(() => percentOf(100, -1)).toThrow(RangeError);
    expect(() => percentOf(100, 8.5)).toThrow(RangeError);
    expect(() => fractionOf(100, 1, 0)).toThrow(RangeError);
  });

  it('matches the naive formula on many cases', () => {
    const rng = seededRandom(20240501);
    for (let i = 0; i < 2000; i++) {
      const fen = rng.int(0, 10_000_000);
      const percent = rng.int(0, 100);
      expect([fen, percent, percentOf(fen, percent)]).toEqual([fen, percent, Math.floor((fen * percent + 50) / 100)]);
    }
  });
});

describe('allocate', () => {
  it('splits proportionally with exact sum', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]); // ties go to the earlier index
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(2000, [5000, 3000, 2000])).toEqual([1000, 600, 400]);
    expect(allocate(5, [1, 2])).toEqual([2, 3]); // 1.67 / 3.33 -> remainders favour index 0
  });

  it('gives zero weights nothing and handles empty input', () => {
    expect(allocate(10, [0, 5, 0, 5])).toEqual([0, 5, 0, 5]);
    expect(allocate(0, [])).toEqual([]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
  });

  it('rejects invalid weights and a positive total over zero weights', () => {
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
    expect(() => allocate(1, [1, -1])).toThrow(RangeError);
    expect(() => allocate(1, [1.5])).toThrow(RangeError);
    expect(() => allocate(-1, [1])).toThrow(RangeError);
  });

  it('handles totals and weights whose products exceed the safe range', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const parts = allocate(big, [big, big, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(big);
    expect(parts[2]).toBeLessThanOrEqual(1);
  });

  describe('properties (seeded)', () => {
    const SEEDS = [1, 2, 3, 17, 99, 12345];
    it.each(SEEDS)('holds for 500 random cases with seed %i', (seed) => {
      const rng = seededRandom(seed);
      for (let c = 0; c < 500; c++) {
        const n = rng.int(1, 12);
        const weights = Array.from({ length: n }, () => (rng.chance(0.15) ? 0 : rng.int(1, rng.pick([10, 1000, 1_000_000]))));
        if (!weights.some((w) => w > 0)) weights[rng.int(0, n - 1)] = rng.int(1, 100);
        const weightSum = weights.reduce((a, b) => a + b, 0);
        const total = rng.chance(0.7) ? rng.int(0, weightSum) : rng.int(0, weightSum * 3);
        const parts = allocate(total, weights);
        const context = `seed=${seed} case=${c} total=${total} weights=${JSON.stringify(weights)} parts=${JSON.stringify(parts)}`;

        expect({ context, ok: parts.length === n }).toEqual({ context, ok: true });
        expect({ context, sum: parts.reduce((a, b) => a + b, 0) }).toEqual({ context, sum: total });
        parts.forEach((p, i) => {
          const exact = (total * weights[i]) / weightSum;
          const fine = Number.isInteger(p) && p >= 0 && Math.abs(p - exact) < 1 + 1e-9 && (weights[i] > 0 || p === 0);
          expect({ context, i, fine }).toEqual({ context, i, fine: true });
          if (total <= weightSum) expect({ context, i, within: p <= weights[i] }).toEqual({ context, i, within: true });
        });
        // Deterministic: the same input gives the same parts.
        expect(allocate(total, weights)).toEqual(parts);
      }
    });

    it('is monotone in the weights for equal remainders (earlier index wins ties)', () => {
      const rng = seededRandom(4242);
      for (let c = 0; c < 300; c++) {
        const n = rng.int(2, 8);
        const w = rng.int(1, 1000);
        const total = rng.int(0, w * n);
        const parts = allocate(total, Array.from({ length: n }, () => w));
        for (let i = 1; i < n; i++) expect(parts[i - 1]).toBeGreaterThanOrEqual(parts[i]);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }
    });
  });
});
