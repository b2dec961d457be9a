/**
 * A transport for page tests that answers cloud function calls from a table, at the service
 * boundary: everything from `services/cloud.ts` up (envelope checks, pages) runs for real.
 * For a test against the running emulator, pass a transport that forwards there instead.
 */
import type { AppError, Result } from '../../../miniprogram/services/contracts';
import { TransportError, type CallRequest, type Transport } from '../../../miniprogram/services/transport';

/** Answers one `function.action`: a value (usually an envelope) or a function of the call's data. */
export type StubAnswer = unknown | ((data: CallRequest['data']) => unknown);

export interface StubTransport extends Transport {
  /** Every call made, in order. */
  readonly calls: CallRequest[];
}

/**
 * `stubTransport({'catalog.home': ok(feed)})`. A call with no entry fails like a missing cloud
 * function (`FUNCTION_FAILED`); an answer that throws a TransportError fails the transport.
 */
export function stubTransport(answers: Record<string, StubAnswer>): StubTransport {
  const calls: CallRequest[] = [];
  const transport = async (request: CallRequest) => {
    calls.push(request);
    const key = `${request.name}.${request.data.action}`;
    if (!(key in answers)) throw new TransportError('FUNCTION_FAILED', `no stub answer for ${key}`);
    const answer = answers[key];
    return typeof answer === 'function' ? (answer as (data: CallRequest['data']) => unknown)(request.data) : answer;
  };
  return Object.assign(transport, { calls });
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: AppError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

export function networkDown(): never {
  throw new TransportError('NETWORK', 'request:fail timeout');
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise resolved by the test, to hold a call open and look at the loading state. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
