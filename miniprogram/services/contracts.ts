/**
 * Request and response contracts between the mini-program and the cloud functions.
 *
 * Pure TypeScript with no WeChat imports, so a cloud function build (esbuild) can bundle it too.
 * It lives inside miniprogram/ because DevTools compiles only files under the mini-program root.
 * Money is always integer fen.
 */

/** Cloud function names: pages and services never spell a function name themselves. */
export const FUNCTIONS = {
  catalog: 'catalog',
  cart: 'cart',
} as const;

export type FunctionName = (typeof FUNCTIONS)[keyof typeof FUNCTIONS];

export const CATALOG_ACTIONS = {
  home: 'home',
  categories: 'categories',
} as const;

export const CART_ACTIONS = {
  view: 'view',
} as const;

/** Codes a cloud function returns for expected business failures. */
export type ServerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL';

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
}

/** What every cloud function returns. Business failures are values, never thrown. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

// --- catalog ---

export interface Banner {
  id: string;
  imageUrl: string;
  title: string;
}

export interface CategorySummary {
  id: string;
  name: string;
  iconUrl: string;
}

export interface GoodsCard {
  id: string;
  title: string;
  coverUrl: string;
  shopName: string;
  priceFen: number;
  /** Crossed-out price, present only when higher than `priceFen`. */
  originalPriceFen?: number;
}

export interface HomeFeed {
  banners: Banner[];
  categories: CategorySummary[];
  goods: GoodsCard[];
}

export interface CategoryNode extends CategorySummary {
  children: CategorySummary[];
}

/** Top-level categories in display order, each with its sub-categories. */
export interface CategoryTree {
  categories: CategoryNode[];
}

// --- cart ---

export interface CartLine {
  skuId: string;
  goodsId: string;
  title: string;
  coverUrl: string;
  specText: string;
  priceFen: number;
  quantity: number;
}

/** The server computes every amount; the page only displays them. */
export interface CartView {
  lines: CartLine[];
  totalFen: number;
}

type NoPayload = Record<string, never>;

/** Payload and result of each action, by function name and action name. */
export interface FunctionApi {
  catalog: {
    home: { payload: NoPayload; result: HomeFeed };
    categories: { payload: NoPayload; result: CategoryTree };
  };
  cart: {
    view: { payload: NoPayload; result: CartView };
  };
}

export type ActionName<N extends FunctionName> = keyof FunctionApi[N] & string;

type Spec<N extends FunctionName, A extends ActionName<N>> = FunctionApi[N][A] extends {
  payload: infer P;
  result: infer R;
}
  ? { payload: P; result: R }
  : never;

export type PayloadOf<N extends FunctionName, A extends ActionName<N>> = Spec<N, A>['payload'];
export type ResultOf<N extends FunctionName, A extends ActionName<N>> = Spec<N, A>['result'];
