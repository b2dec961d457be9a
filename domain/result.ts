/**
 * Expected business failures (a coupon expired, a limit reached, an invalid transition) are
 * returned as typed values, never thrown; exceptions are reserved for bugs (an invalid amount in
 * the database, a caller breaking a documented precondition). A cloud function maps a
 * {@link Failure} to its `{ok: false, error: {code, message}}` envelope without `instanceof`
 * checks, so failures stay plain JSON that survives `callFunction`.
 */

/** A JSON value allowed in failure details, so details can cross `callFunction` unchanged. */
export type DetailValue = string | number | boolean | null | readonly DetailValue[] | { readonly [key: string]: DetailValue };

/** Extra machine-readable facts about a failure, such as the amount missing to reach a threshold. */
export type FailureDetails = { readonly [key: string]: DetailValue };

/** The successful branch of an {@link Outcome}. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** The failed branch of an {@link Outcome}: a stable code, a human-readable message and optional details. */
export interface Failure<C extends string> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
  readonly details?: FailureDetails;
}

/** The result of a domain operation that can fail for an expected business reason. */
export type Outcome<T, C extends string> = Success<T> | Failure<C>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** Creates a failure with a code, a message and, when given, details. */
export function fail<C extends string>(code: C, message: string, details?: FailureDetails): Failure<C> {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}

/**
 * Returns the value of a success and throws an Error carrying the code for a failure. Use it only
 * where a failure means a bug (for example in specs, or after a check that already passed).
 */
export function unwrap<T, C extends string>(outcome: Outcome<T, C>): T {
  if (outcome.ok) return outcome.value;
  throw new Error(`unexpected failure ${outcome.code}: ${outcome.message}`);
}
