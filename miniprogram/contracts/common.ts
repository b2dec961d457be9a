/**
 * Request and response contracts between the mini-program and the cloud functions: the one source
 * both sides compile against. Pure TypeScript with no WeChat imports; it lives inside miniprogram/
 * because DevTools compiles only files under the mini-program root, and the cloud-function build
 * (esbuild) bundles it from here. Money is always integer fen; times are epoch milliseconds.
 */

/** Codes a cloud function returns for expected business failures. */
export type ServerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL'
  | 'RATE_LIMITED'
  /** A database transaction kept losing races to concurrent ones (server/transaction-retry.ts). */
  | 'TRANSACTION_BUSY'
  /** A production setting the action needs (an environment variable of the function) is not set. */
  | 'SETTING_MISSING'
  // catalog and stock
  | 'GOODS_OFF_SHELF'
  | 'SKU_NOT_FOUND'
  | 'OUT_OF_STOCK'
  | 'INVALID_QUANTITY'
  | 'CART_FULL'
  | 'CART_EMPTY'
  // orders and payment
  | 'ADDRESS_REQUIRED'
  | 'PRICE_CHANGED'
  | 'ORDER_STATE_INVALID'
  | 'PAYMENT_STATE_INVALID'
  | 'PAYMENT_FAILED'
  | 'AMOUNT_MISMATCH'
  // after-sale
  | 'AFTER_SALE_NOT_ALLOWED'
  | 'AFTER_SALE_LINE_BUSY'
  | 'AFTER_SALE_STATE_INVALID'
  | 'REFUND_AMOUNT_EXCEEDED'
  // finance
  | 'INSUFFICIENT_BALANCE'
  | 'WITHDRAWAL_STATE_INVALID'
  // reviews and favourites
  | 'REVIEW_NOT_ALLOWED'
  | 'CONTENT_RISKY'
  | 'FAVORITES_FULL'
  // coupons
  | 'COUPON_NOT_STARTED'
  | 'COUPON_ENDED'
  | 'COUPON_SOLD_OUT'
  | 'COUPON_LIMIT_REACHED'
  | 'COUPON_PAUSED'
  | 'COUPON_NOT_USABLE_YET'
  | 'COUPON_EXPIRED'
  | 'COUPON_NOT_APPLICABLE'
  | 'COUPON_THRESHOLD_NOT_MET'
  | 'COUPON_ALREADY_USED'
  | 'COUPON_STACKING_NOT_ALLOWED';

/**
 * Codes the service layer produces itself: `NETWORK` (the call never reached the function or
 * its answer was lost), `FUNCTION_FAILED` (the function crashed or does not exist),
 * `BAD_RESPONSE` (the function answered something that is not an envelope).
 */
export type ClientErrorCode = 'NETWORK' | 'FUNCTION_FAILED' | 'BAD_RESPONSE';

export type ErrorCode = ServerErrorCode | ClientErrorCode;

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. `{missingFen}` for COUPON_THRESHOLD_NOT_MET. */
  details?: Record<string, unknown>;
}

/** What every cloud function returns. Business failures are values, never thrown. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export type NoPayload = Record<string, never>;

/** A page of a list: `cursor` is opaque; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  cursor?: string;
  /** 1..50, default 20. */
  pageSize?: number;
}
