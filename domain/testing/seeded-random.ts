/**
 * A small seeded pseudo-random generator for property-style specs (mulberry32).
 *
 * Specs must be deterministic: a failing case is reproduced by its seed, which every property
 * spec prints in its assertion message. This file is test support and is not exported from
 * `domain/index.ts`.
 */

/** A deterministic random source created by {@link seededRandom}. */
export interface SeededRandom {
  /** The seed the generator was created with. */
  readonly seed: number;
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Returns true with probability `p`. */
  chance(p: number): boolean;
  /** Returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** Creates a generator whose sequence depends only on `seed` (an unsigned 32-bit integer). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
        throw new RangeError(`invalid range [${min}, ${max}]`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[Math.floor(next() * items.length)];
    },
  };
}
