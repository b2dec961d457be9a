import { connectSdk } from '../../../src/sdk-env';
import { ENV } from './harness';

/** What `cloud.cloudPay.<api>()` resolves with: WeChat Pay's answer in camelCase, plus errCode/errMsg. */
export type PayResult = Record<string, any> & { errCode: number; errMsg: string };
export type OpenApiResult = Record<string, any> & { errCode: number; errMsg: string };

/** The parts of wx-server-sdk these tests drive (its typings do not declare cloudPay). */
export interface WxSdk {
  cloudPay: Record<'unifiedOrder' | 'queryOrder' | 'closeOrder' | 'refund' | 'queryRefund' | 'downloadBill', (data: Record<string, unknown>) => Promise<PayResult>>;
  openapi: {
    subscribeMessage: { send(data: Record<string, unknown>): Promise<OpenApiResult> };
    security: { msgSecCheck(data: Record<string, unknown>): Promise<OpenApiResult> };
    wxacode: { getUnlimited(data: Record<string, unknown>): Promise<OpenApiResult> };
  };
}

/** An error as wx-server-sdk rejects with it. */
export interface SdkError extends Error {
  errCode: number;
  errMsg: string;
}

/**
 * Points the real, unmodified wx-server-sdk at `adminUrl` with environment variables only (as the
 * emulator's function runtime does) and loads it. `extraEnv` adds context keys, e.g. a
 * `WX_API_TOKEN`. Call once per test file: jest gives each file its own module registry and env.
 */
export function loadSdk(adminUrl: string, extraEnv: Record<string, string> = {}): WxSdk {
  const cloud = connectSdk(adminUrl, {
    env: ENV,
    openid: 'oCallerOpenid000000000000000',
    extraEnv: { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx0000000000000000', ...extraEnv },
  });
  return cloud as WxSdk;
}

/** Awaits a promise that must reject, and returns the SDK error. */
export async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the SDK call to fail, but it succeeded');
}

let seq = 0;
/** A fresh merchant order number per test. */
export function tradeNo(prefix = 'T'): string {
  seq++;
  return `${prefix}${Date.now()}${String(seq).padStart(3, '0')}`;
}

/** unifiedOrder parameters as a mall's payment function sends them (camelCase; the SDK snake-cases them). */
export function orderParams(outTradeNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    body: '测试商品',
    outTradeNo,
    spbillCreateIp: '127.0.0.1',
    subMchId: '1900000109',
    totalFee: 100,
    envId: ENV,
    functionName: 'payCb',
    nonceStr: 'N0NCE',
    tradeType: 'JSAPI',
    ...overrides,
  };
}
