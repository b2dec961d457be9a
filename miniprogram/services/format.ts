/**
 * The one place that turns money into text. Amounts are integer fen everywhere; pages show what
 * these functions return and never compute with yuan.
 */

/**
 * Formats integer fen as yuan with two decimals: 1230 -> "¥12.30", 5 -> "¥0.05",
 * -500 -> "-¥5.00". Throws a RangeError for anything but a safe integer: a fractional or
 * non-finite amount is a bug upstream, not something to round away here.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen expects integer fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const yuan = Math.floor(absolute / 100);
  const cents = absolute % 100;
  return `${sign}¥${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}
