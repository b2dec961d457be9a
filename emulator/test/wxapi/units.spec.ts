import { decodeCallerToken, encodeCallerToken } from '../../src/wxapi';
import { judge } from '../../src/wxapi/openapi/msg-sec-check';
import { BUILT_IN_WORDS, parseSecCheckWords } from '../../src/wxapi/openapi/sec-check-words';
import { checkTemplateData } from '../../src/wxapi/openapi/subscribe-data-rules';
import { resolveWxApiOptions } from '../../src/wxapi/options';
import { formatWxDateTime, formatWxTime, md5Sign, newRefundId, newTransactionId, parseWxTime, serviceProviderOpenid } from '../../src/wxapi/pay/pay-format';
import { canSettleRefund, nextTradeState } from '../../src/wxapi/pay/trade-state';

/** The pure pieces of the wxapi module. */
describe('pay formats', () => {
  const ms = Date.UTC(2024, 0, 31, 16, 5, 9); // 2024-02-01 00:05:09 in Beijing

  it('formats and parses Beijing times', () => {
    expect(formatWxTime(ms)).toBe('20240201000509');
    expect(formatWxDateTime(ms)).toBe('2024-02-01 00:05:09');
    expect(parseWxTime('20240201000509')).toBe(ms);
    expect(parseWxTime('20240230000000')).toBeUndefined();
    expect(parseWxTime('2024020100050')).toBeUndefined();
  });

  it('signs like WeChat Pay v2 (the example of its signing guide)', () => {
    const params = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
    expect(md5Sign(params, '192006250b4c09247ec02edce69f6a2d')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('makes ids in WeChat’s shapes, dated by the payment day', () => {
    expect(newTransactionId(ms)).toMatch(/^4200\d{6}20240201\d{10}$/);
    expect(newRefundId(ms)).toMatch(/^\d{29}$/);
    expect(newTransactionId(ms)).not.toBe(newTransactionId(ms));
    expect(serviceProviderOpenid('oA')).toBe(serviceProviderOpenid('oA'));
    expect(serviceProviderOpenid('oA')).not.toBe(serviceProviderOpenid('oB'));
    expect(serviceProviderOpenid('oA')).toHaveLength(28);
  });
});

describe('state machines', () => {
  it('allows only WeChat’s trade transitions', () => {
    expect(nextTradeState('NOTPAY', 'pay')).toBe('SUCCESS');
    expect(nextTradeState('NOTPAY', 'close')).toBe('CLOSED');
    expect(nextTradeState('NOTPAY', 'refund')).toBeUndefined();
    expect(nextTradeState('CLOSED', 'pay')).toBeUndefined();
    expect(nextTradeState('SUCCESS', 'close')).toBeUndefined();
    expect(nextTradeState('SUCCESS', 'refund')).toBe('REFUND');
    expect(nextTradeState('REFUND', 'refund')).toBe('REFUND');
  });

  it('settles a refund once', () => {
    expect(canSettleRefund('PROCESSING', 'SUCCESS')).toBe(true);
    expect(canSettleRefund('SUCCESS', 'REFUNDCLOSE')).toBe(false);
  });
});

describe('subscription message values', () => {
  it.each([
    [{ thing1: { value: '12345678901234567890' } }, undefined],
    [{ thing1: { value: '123456789012345678901' } }, /thing1/],
    [{ amount2: { value: '¥12.50' } }, undefined],
    [{ amount2: { value: '12.50元' } }, undefined],
    [{ amount2: { value: '12.5.0' } }, /amount2/],
    [{ phrase3: { value: '已发货' } }, undefined],
    [{ phrase3: { value: 'shipped' } }, /phrase3/],
    [{ character_string4: { value: 'SO-2024-0001' } }, undefined],
    [{ time5: { value: '2024年2月1日 15:01' } }, undefined],
    [{ number6: { value: 3 } }, undefined],
    [{ thing1: {} }, /thing1\.value is empty/],
    [{}, /data is empty/],
  ])('%j -> %s', (data, problem) => {
    const result = checkTemplateData(data);
    if (problem === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(problem);
  });
});

describe('content check word list', () => {
  it('matches case-insensitively across spaces; risky beats review', () => {
    expect(judge('Visit our C A S I N O', BUILT_IN_WORDS)).toMatchObject({ suggest: 'risky', label: 20006 });
    expect(judge('加微信 赌博', BUILT_IN_WORDS).suggest).toBe('risky');
    expect(judge('加微信', BUILT_IN_WORDS).suggest).toBe('review');
    expect(judge('hello', BUILT_IN_WORDS)).toEqual({ suggest: 'pass', label: 100, matches: [] });
  });

  it('rejects malformed word lists with the offending entry', () => {
    expect(() => parseSecCheckWords({ words: [{ word: 'x', label: 7, suggest: 'risky' }] }, 'f.json')).toThrow(/words\[0\]\.label/);
    expect(() => parseSecCheckWords({ words: [{ word: ' ', label: 10001, suggest: 'risky' }] }, 'f.json')).toThrow(/words\[0\]\.word/);
    expect(parseSecCheckWords([{ word: 'x', label: 10001, suggest: 'review' }], 'f.json')).toHaveLength(1);
  });
});

describe('options and caller tokens', () => {
  const defaults = { resolveCaller: decodeCallerToken, loadWords: () => [] };

  it('reads the environment, explicit options winning', () => {
    const o = resolveWxApiOptions({ maxAttempts: 3 }, { EMULATOR_PAY_MAX_ATTEMPTS: '9', EMULATOR_PAY_RETRY_BASE_MS: '7', EMULATOR_PAY_REFUND_SETTLE: 'manual' }, defaults);
    expect(o).toMatchObject({ maxAttempts: 3, retryBaseMs: 7, autoSettleRefunds: false, subscribeDefault: 'none', callbackOpenid: 'service-provider' });
    expect(() => resolveWxApiOptions({}, { EMULATOR_SUBSCRIBE_DEFAULT: 'yes' }, defaults)).toThrow(/EMULATOR_SUBSCRIBE_DEFAULT/);
    expect(() => resolveWxApiOptions({}, { EMULATOR_PAY_RETRY_BASE_MS: '-1' }, defaults)).toThrow(/EMULATOR_PAY_RETRY_BASE_MS/);
  });

  it('round-trips a caller through WX_API_TOKEN and ignores foreign tokens', () => {
    expect(decodeCallerToken(encodeCallerToken({ openid: 'oA', appid: 'wx1' }))).toEqual({ openid: 'oA', appid: 'wx1' });
    expect(decodeCallerToken('a-real-cloudbase-token')).toBeUndefined();
    expect(decodeCallerToken('local-emulator.!!!')).toBeUndefined();
  });
});
