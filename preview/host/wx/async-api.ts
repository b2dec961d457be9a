/**
 * WeChat's calling convention for asynchronous APIs: `success`/`fail`/`complete` callbacks, or a
 * promise when none is given. Results carry `errMsg: '<api>:ok'`, failures `'<api>:fail <why>'`.
 */

export interface CallbackOptions {
  success?: (result: WxResult) => void;
  fail?: (error: WxResult) => void;
  complete?: (result: WxResult) => void;
}

export type WxResult = Record<string, unknown> & { errMsg: string };

function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && typeof (error as { errMsg?: unknown }).errMsg === 'string') return (error as { errMsg: string }).errMsg;
  return String(error);
}

function callSafely(callback: ((result: WxResult) => void) | undefined, result: WxResult): void {
  if (!callback) return;
  try {
    callback(result);
  } catch (error) {
    // WeChat reports an exception in a callback and carries on.
    console.error('[preview] a wx API callback threw:', error);
  }
}

export type AsyncApi<O> = (options?: O & CallbackOptions) => Promise<WxResult> | undefined;

export function asyncApi<O extends object>(name: string, impl: (options: O) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void): AsyncApi<O> {
  return (options = {} as O & CallbackOptions) => {
    const run = Promise.resolve()
      .then(() => impl(options))
      .then(
        (result) => ({ ...(result ?? {}), errMsg: `${name}:ok` }),
        (error: unknown) => {
          throw { errMsg: `${name}:fail ${reason(error)}` } satisfies WxResult;
        },
      );
    if (!options.success && !options.fail && !options.complete) return run;
    run.then(
      (result) => {
        callSafely(options.success, result);
        callSafely(options.complete, result);
      },
      (error: WxResult) => {
        callSafely(options.fail, error);
        callSafely(options.complete, error);
      },
    );
    return undefined;
  };
}
