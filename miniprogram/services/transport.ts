import type { FunctionName } from './contracts';

/** One cloud function call as it goes over the wire: the event carries the action name. */
export interface CallRequest {
  name: FunctionName;
  data: { action: string } & Record<string, unknown>;
}

/**
 * Delivers a call and resolves with what the function returned (its `result`), or rejects with
 * a {@link TransportError}. `services/cloud.ts` picks one per call; tests inject their own.
 */
export type Transport = (request: CallRequest) => Promise<unknown>;

export type TransportFailure = 'NETWORK' | 'FUNCTION_FAILED';

/** Thrown by transports only; `callFunction` turns it into a `{ok: false}` envelope. */
export class TransportError extends Error {
  readonly code: TransportFailure;

  constructor(code: TransportFailure, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

/**
 * Compares the code, not the class: a test and the page it loads may hold different copies of
 * this module, so `instanceof` would lie.
 */
export function isTransportError(value: unknown): value is TransportError {
  if (!value || typeof value !== 'object') return false;
  const { code, name } = value as { code?: unknown; name?: unknown };
  return name === 'TransportError' && (code === 'NETWORK' || code === 'FUNCTION_FAILED');
}

/** Error codes with which `wx.cloud.callFunction` (and the emulator gateway) reports a failed function. */
const FUNCTION_FAILURE_ERR_CODES = new Set([-504002, -501000, -501007, -404011]);

/** Classifies a `{errCode, errMsg}` failure from `wx.cloud.callFunction` or the gateway. */
export function fromCloudFailure(failure: unknown): TransportError {
  const { errCode, errMsg } = (failure && typeof failure === 'object' ? failure : {}) as {
    errCode?: unknown;
    errMsg?: unknown;
  };
  const message = typeof errMsg === 'string' ? errMsg : String(failure);
  const isFunctionFailure = typeof errCode === 'number' && FUNCTION_FAILURE_ERR_CODES.has(errCode);
  return new TransportError(isFunctionFailure ? 'FUNCTION_FAILED' : 'NETWORK', message);
}
