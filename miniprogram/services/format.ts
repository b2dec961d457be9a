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
  return `${fen < 0 ? '-' : ''}¥${formatYuan(Math.abs(fen))}`;
}

/**
 * Integer fen as a bare yuan number with two decimals, for a price input the shopper edits:
 * 1230 -> "12.30". Throws like {@link formatFen}.
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`expected integer fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const yuan = Math.floor(absolute / 100);
  const cents = absolute % 100;
  return `${sign}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * Reads a price the shopper typed in yuan ("12", "12.5", "12.30") as integer fen, by its digits
 * rather than float arithmetic. Null for anything else (empty, negative, more than two decimals).
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, yuan = '0', cents = ''] = match;
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}
