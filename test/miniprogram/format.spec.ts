import { formatDate, formatDateTime } from '../../miniprogram/shared/time-text';
import { formatFen, formatYuan, parseYuanToFen } from '../../miniprogram/services/format';

describe('formatFen', () => {
  it.each([
    [1230, '¥12.30'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [26800, '¥268.00'],
    [123456789, '¥1234567.89'],
    [-500, '-¥5.00'],
    [-1, '-¥0.01'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('formats negative zero as zero', () => {
    expect(formatFen(-0)).toBe('¥0.00');
  });

  it('formats the largest safe integer exactly', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90071992547409.91');
  });

  it.each([12.3, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'rejects %p: money is integer fen, a fraction is a bug upstream',
    (fen) => {
      expect(() => formatFen(fen)).toThrow(RangeError);
    },
  );
});

describe('formatYuan', () => {
  it.each([
    [1230, '12.30'],
    [5, '0.05'],
    [0, '0.00'],
  ])('formats %i fen as %s for a price input', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('rejects a fraction of a fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['12', 1200],
    ['12.', 1200],
    ['12.5', 1250],
    ['12.30', 1230],
    [' 0.07 ', 7],
    ['0.1', 10],
    ['19.99', 1999],
  ])('reads %p as %i fen, digit by digit', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', '-1', '1.234', 'abc', '1,000', '.5', '1e3'])('refuses %p', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });
});

describe('dates in Beijing time, whatever the phone\'s zone', () => {
  // 2026-06-07 18:05 UTC is already the 8th in Beijing; run under TZ=UTC too (npm test's other-clock pass)
  const instant = Date.parse('2026-06-07T18:05:00Z');

  it('prints date and time as the mall does business', () => {
    expect(formatDateTime(instant)).toBe('2026-06-08 02:05');
    expect(formatDate(instant)).toBe('2026-06-08');
  });

  it('turns the year at Beijing midnight', () => {
    expect(formatDateTime(Date.parse('2026-12-31T15:59:00Z'))).toBe('2026-12-31 23:59');
    expect(formatDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
