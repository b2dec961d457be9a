import { fail, ok, Outcome, unwrap } from './result';

describe('Outcome helpers', () => {
  it('ok() wraps a value', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
  });

  it('fail() omits details unless given, so failures stay minimal JSON', () => {
    expect(fail('COUPON_EXPIRED', 'expired')).toEqual({ ok: false, code: 'COUPON_EXPIRED', message: 'expired' });
    expect(Object.keys(fail('X', 'm'))).not.toContain('details');
    expect(fail('X', 'm', { missingFen: 500 })).toEqual({ ok: false, code: 'X', message: 'm', details: { missingFen: 500 } });
  });

  it('narrows on ok and on code', () => {
    const outcome: Outcome<number, 'A' | 'B'> = fail('B', 'no');
    if (outcome.ok) throw new Error('expected a failure');
    const code: 'A' | 'B' = outcome.code;
    expect(code).toBe('B');
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('unwrap() returns values and throws on failures with the code', () => {
    expect(unwrap(ok('v'))).toBe('v');
    expect(() => unwrap(fail('SOMETHING_WRONG', 'bad'))).toThrow(/SOMETHING_WRONG/);
  });
});
