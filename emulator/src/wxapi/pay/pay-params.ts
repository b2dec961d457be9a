/**
 * Reading cloudPay request parameters (the snake_case JSON the SDK sends as `requestData`) and
 * building WeChat Pay v2 style answers.
 *
 * WeChat Pay separates two kinds of failure: a malformed request is answered with
 * `return_code: FAIL` and a `return_msg`; a well-formed request the business rules refuse is
 * answered with `return_code: SUCCESS, result_code: FAIL, err_code, err_code_des`. Both are
 * ordinary answers (HTTP 200), which the SDK hands to the caller as a resolved result.
 */
export type WxPayAnswer = Record<string, unknown>;

/** A malformed parameter; answered once, at the action boundary, as `return_code: FAIL`. */
export class PayParamProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayParamProblem';
  }
}

export function returnFail(message: string): WxPayAnswer {
  return { return_code: 'FAIL', return_msg: message };
}

export interface MerchantIdentity {
  appid: string;
  mchId: string;
}

/** Fields every v2 answer with `return_code: SUCCESS` carries. */
function envelope(m: MerchantIdentity, subMchId: string, nonce: string): WxPayAnswer {
  return { return_code: 'SUCCESS', return_msg: 'OK', appid: m.appid, mch_id: m.mchId, sub_appid: m.appid, sub_mch_id: subMchId, nonce_str: nonce };
}

export function resultOk(m: MerchantIdentity, subMchId: string, nonce: string, fields: WxPayAnswer): WxPayAnswer {
  return { ...envelope(m, subMchId, nonce), result_code: 'SUCCESS', ...fields };
}

export function resultFail(m: MerchantIdentity, subMchId: string, nonce: string, errCode: string, errCodeDes: string): WxPayAnswer {
  return { ...envelope(m, subMchId, nonce), result_code: 'FAIL', err_code: errCode, err_code_des: errCodeDes };
}

interface StringRule {
  max?: number;
  pattern?: RegExp;
  patternText?: string;
}

/** Typed access to one request's parameters; every violation is a `PayParamProblem`. */
export class PayParams {
  constructor(readonly raw: Record<string, unknown>) {}

  static parse(bytes: Buffer): PayParams {
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new PayParamProblem('requestData is not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PayParamProblem('requestData must be a JSON object');
    return new PayParams(value as Record<string, unknown>);
  }

  has(key: string): boolean {
    const v = this.raw[key];
    return v !== undefined && v !== null && v !== '';
  }

  optionalString(key: string, rule: StringRule = {}): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.raw[key];
    if (typeof v !== 'string') throw new PayParamProblem(`${key} must be a string`);
    if (rule.max !== undefined && v.length > rule.max) throw new PayParamProblem(`${key} is longer than ${rule.max} characters`);
    if (rule.pattern && !rule.pattern.test(v)) throw new PayParamProblem(`${key} ${rule.patternText ?? 'has an invalid format'}`);
    return v;
  }

  string(key: string, rule: StringRule = {}): string {
    const v = this.optionalString(key, rule);
    if (v === undefined) throw new PayParamProblem(`missing required parameter ${key}`);
    return v;
  }

  /** Amounts are integer fen, sent as JSON numbers (a string amount is refused, as in production). */
  positiveInt(key: string): number {
    if (!this.has(key)) throw new PayParamProblem(`missing required parameter ${key}`);
    const v = this.raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
      throw new PayParamProblem(`${key} must be a positive integer number of fen, got ${JSON.stringify(v)}`);
    }
    return v;
  }

  optionalNonNegativeInt(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const v = this.raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new PayParamProblem(`${key} must be a non-negative integer`);
    return v;
  }
}

/** WeChat Pay's rule for merchant order and refund numbers. */
export const MERCHANT_NO: StringRule = { max: 32, pattern: /^[0-9A-Za-z_\-|*@]+$/, patternText: 'may only contain digits, letters and _-|*@' };
export const REFUND_NO: StringRule = { max: 64, pattern: /^[0-9A-Za-z_\-|*@]+$/, patternText: 'may only contain digits, letters and _-|*@' };
