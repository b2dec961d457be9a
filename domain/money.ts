/**
 * Money is an integer number of fen (1 yuan = 100 fen) everywhere in the domain.
 *
 * Rounding lives here and nowhere else: {@link fractionOf} is the single rounding primitive
 * (round half up to the fen) and {@link percentOf} is built on it. Splitting an amount over parts
 * never rounds at all: {@link allocate} hands out whole fen by the largest-remainder method so the
 * parts always add up to the total exactly. Arithmetic that could leave the safe-integer range is
 * done with BigInt, and results beyond `Number.MAX_SAFE_INTEGER` throw a RangeError (a bug, not a
 * business failure).
 */

/** An amount of money in integer fen; always a safe, non-negative integer. */
export type Fen = number;

/** Returns true when `n` is a safe non-negative integer, i.e. a valid amount in fen. */
export function isFen(n: unknown): n is Fen {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Throws a RangeError unless `n` is a valid amount in fen; `label` names the value in the message. */
export function assertFen(n: unknown, label = 'amount'): asserts n is Fen {
  if (!isFen(n)) {
    throw new RangeError(`${label} must be a non-negative safe integer number of fen, got ${String(n)}`);
  }
}

/** Adds amounts in fen, throwing a RangeError on an invalid amount or when the sum is not a safe integer. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  amounts.forEach((amount, i) => {
    assertFen(amount, `amounts[${i}]`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts exceeds Number.MAX_SAFE_INTEGER');
  });
  return total;
}

/** Multiplies a unit price by a non-negative integer quantity, throwing a RangeError on overflow. */
export function multiplyFen(unitFen: Fen, quantity: number): Fen {
  assertFen(unitFen, 'unitFen');
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new RangeError(`quantity must be a non-negative safe integer, got ${String(quantity)}`);
  }
  const product = BigInt(unitFen) * BigInt(quantity);
  if (product > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('product exceeds Number.MAX_SAFE_INTEGER');
  return Number(product);
}

/**
 * Returns `fen * numerator / denominator` rounded half up to the fen (0.5 fen rounds up).
 * This is the one rounding rule of the domain; rates finer than a percent (a commission of 2.5%)
 * use it directly with basis points: `fractionOf(fen, 250, 10_000)`.
 */
export function fractionOf(fen: Fen, numerator: number, denominator: number): Fen {
  assertFen(fen, 'fen');
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`numerator must be a non-negative safe integer, got ${String(numerator)}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a positive safe integer, got ${String(denominator)}`);
  }
  const twice = BigInt(fen) * BigInt(numerator) * 2n + BigInt(denominator);
  const rounded = twice / (2n * BigInt(denominator));
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('result exceeds Number.MAX_SAFE_INTEGER');
  return Number(rounded);
}

/**
 * Returns `percent`% of an amount, rounded half up to the fen: `percentOf(15, 50)` is 8 and
 * `percentOf(14, 50)` is 7. `percent` is a non-negative integer (it may exceed 100).
 */
export function percentOf(fen: Fen, percent: number): Fen {
  return fractionOf(fen, percent, 100);
}

/**
 * Splits `totalFen` into parts proportional to integer `weights` by the largest-remainder method.
 *
 * Each part first gets `floor(total * weight / sum(weights))`; the fen left over (fewer than the
 * number of parts) go one each to the parts with the largest remainders, ties to the earlier
 * index. The parts sum to `totalFen` exactly, a zero weight always gets 0, and when
 * `totalFen <= sum(weights)` no part exceeds its weight (so a discount spread over order lines by
 * their amounts never exceeds any line). Throws a RangeError when the weights are invalid or all
 * zero while `totalFen` is positive.
 */
export function allocate(totalFen: Fen, weights: readonly number[]): Fen[] {
  assertFen(totalFen, 'totalFen');
  weights.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`weights[${i}] must be a non-negative safe integer, got ${String(w)}`);
    }
  });
  const weightSum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (weightSum === 0n) {
    if (totalFen === 0) return weights.map(() => 0);
    throw new RangeError('cannot allocate a positive amount over zero weights');
  }
  const total = BigInt(totalFen);
  const parts = weights.map((w) => (total * BigInt(w)) / weightSum);
  const remainders = weights.map((w) => (total * BigInt(w)) % weightSum);
  let leftOver = Number(total - parts.reduce((a, p) => a + p, 0n));
  const byRemainder = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a];
      const rb = remainders[b];
      if (ra === rb) return a - b;
      return ra > rb ? -1 : 1;
    });
  for (const index of byRemainder) {
    if (leftOver === 0) break;
    parts[index] += 1n;
    leftOver -= 1;
  }
  return parts.map((p) => Number(p));
}
