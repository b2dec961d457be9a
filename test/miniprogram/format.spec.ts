import { formatFen } from '../../miniprogram/services/format';

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
