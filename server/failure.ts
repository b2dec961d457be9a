import type { AppError, ServerErrorCode } from '../miniprogram/contracts';

/**
 * An expected business failure (sold out, wrong state, not yours). Thrown from deep inside a use
 * case when returning it would thread through many layers; the handler turns it into
 * `{ok: false, error}`. Compare `code`s, never `instanceof`: errors lose their class across
 * callFunction.
 */
export class Failure extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'Failure';
  }

  toError(): AppError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isFailure(e: unknown): e is Failure {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'Failure' && typeof (e as { code?: unknown }).code === 'string';
}

export const fail = (code: ServerErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new Failure(code, message, details);
};

export const notFound = (what: string): never => fail('NOT_FOUND', `${what}不存在`);
