import type { CartApi } from './cart';
import type { CatalogApi } from './catalog';
import type { AfterSaleApi } from './aftersale';
import type { CouponApi } from './coupon';
import type { FavoriteApi } from './favorite';
import type { FinanceApi } from './finance';
import type { MerchantApi } from './merchant';
import type { OrderApi } from './order';
import type { PaymentApi } from './payment';
import type { PlatformApi } from './platform';
import type { ReviewApi } from './review';
import type { ShopOrderApi } from './shoporder';
import type { ShopApi } from './shop';
import type { UserApi } from './user';

export * from './common';
export * from './catalog';
export * from './user';
export * from './cart';
export * from './coupon';
export * from './order';
export * from './payment';
export * from './merchant';
export * from './platform';
export * from './finance';
export * from './shoporder';
export * from './aftersale';
export * from './shop';
export * from './favorite';
export * from './review';

/** Cloud function names: pages and services never spell a function name themselves. */
export const FUNCTIONS = {
  user: 'user',
  catalog: 'catalog',
  cart: 'cart',
  order: 'order',
  payment: 'payment',
  coupon: 'coupon',
  merchant: 'merchant',
  platform: 'platform',
  finance: 'finance',
  shoporder: 'shoporder',
  aftersale: 'aftersale',
  shop: 'shop',
  favorite: 'favorite',
  review: 'review',
} as const;

export type FunctionName = (typeof FUNCTIONS)[keyof typeof FUNCTIONS];

/** Payload and result of each action, by function name and action name. */
export interface FunctionApi {
  user: UserApi;
  catalog: CatalogApi;
  cart: CartApi;
  order: OrderApi;
  payment: PaymentApi;
  coupon: CouponApi;
  merchant: MerchantApi;
  platform: PlatformApi;
  finance: FinanceApi;
  shoporder: ShopOrderApi;
  aftersale: AfterSaleApi;
  shop: ShopApi;
  favorite: FavoriteApi;
  review: ReviewApi;
}

function actionNames<N extends FunctionName>(names: ReadonlyArray<keyof FunctionApi[N] & string>): { readonly [A in keyof FunctionApi[N] & string]: A } {
  return Object.fromEntries(names.map((n) => [n, n])) as { readonly [A in keyof FunctionApi[N] & string]: A };
}

/** Action names as constants, by function. */
export const ACTIONS = {
  user: actionNames<'user'>(['signIn', 'profile', 'updateProfile', 'listAddresses', 'getAddress', 'createAddress', 'updateAddress', 'deleteAddress', 'setDefaultAddress']),
  catalog: actionNames<'catalog'>(['home', 'categories', 'search', 'detail', 'shop']),
  cart: actionNames<'cart'>(['view', 'add', 'setQuantity', 'remove', 'select', 'count']),
  order: actionNames<'order'>(['quote', 'create', 'list', 'detail', 'cancel', 'confirmReceipt', 'counts']),
  payment: actionNames<'payment'>(['pay', 'status']),
  coupon: actionNames<'coupon'>(['center', 'claim', 'mine', 'counts']),
  merchant: actionNames<'merchant'>(['apply', 'myApplication', 'listApplications', 'approve', 'reject', 'suspendShop', 'reinstateShop', 'myShops', 'listShops', 'shopDetail']),
  platform: actionNames<'platform'>(['dashboard', 'listCategories', 'saveCategory', 'setCategoryStatus', 'deleteCategory', 'listBanners', 'saveBanner', 'deleteBanner']),
  finance: actionNames<'finance'>(['getCommission', 'setCommission', 'balance', 'statements', 'requestWithdrawal', 'myWithdrawals', 'listWithdrawals', 'approveWithdrawal', 'rejectWithdrawal', 'markWithdrawalPaid', 'overview']),
  shoporder: actionNames<'shoporder'>(['list', 'detail', 'ship', 'note']),
  aftersale: actionNames<'aftersale'>(['apply', 'mine', 'detail', 'cancel', 'submitReturn', 'maxRefundable', 'shopList', 'shopDetail', 'approve', 'reject', 'confirmReturn']),
  shop: actionNames<'shop'>(['overview', 'listGoods', 'getGoods', 'saveGoods', 'setOnShelf', 'getSettings', 'saveSettings', 'createInvite', 'acceptInvite', 'listStaff', 'removeStaff']),
  favorite: actionNames<'favorite'>(['status', 'add', 'remove', 'list', 'record', 'history', 'removeHistory', 'clearHistory']),
  review: actionNames<'review'>(['create', 'mineForOrder', 'listForGoods', 'summary', 'shopList', 'reply']),
} as const;

export type ActionName<N extends FunctionName> = keyof FunctionApi[N] & string;

type Spec<N extends FunctionName, A extends ActionName<N>> = FunctionApi[N][A] extends { payload: infer P; result: infer R } ? { payload: P; result: R } : never;

export type PayloadOf<N extends FunctionName, A extends ActionName<N>> = Spec<N, A>['payload'];
export type ResultOf<N extends FunctionName, A extends ActionName<N>> = Spec<N, A>['result'];

/**
 * Actions that only the platform may call (timers, payment callbacks): they check
 * `getWXContext().SOURCE` and refuse client calls. Listed so tests can try each from a client.
 */
export const PLATFORM_ONLY_ACTIONS = {
  /** `sweep` is the order function's one timer trigger (CloudBase allows one per function): expireUnpaid + autoConfirm. */
  order: ['expireUnpaid', 'autoConfirm', 'sweep'],
  payment: ['callback', 'retryRefunds'],
  /** `sweep` is the finance timer (hourly): records succeeded refunds in the ledger, then settles due orders. */
  finance: ['sweep', 'settleDue', 'recordRefunds'],
} as const;
