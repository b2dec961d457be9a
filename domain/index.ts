/**
 * The public API of the pure domain layer. It imports nothing from WeChat, CloudBase or Node I/O
 * and never reads the clock, so cloud functions bundle it and specs run it as is. See README.md.
 */
export * from './money';
export * from './result';
export * from './time';
export * from './state-machine';

export * from './order/order-machine';
export * from './payment/payment-machine';
export * from './refund/refund-machine';
export * from './aftersale/aftersale-machine';
export * from './aftersale/refundable-lines';

export * from './coupon/coupon-template';
export type { CouponKindDefinition } from './coupon/coupon-kind';
export * from './coupon/coupon-kinds';
export * from './coupon/fixed-coupon';
export * from './coupon/threshold-coupon';
export * from './coupon/percent-coupon';
export * from './coupon/validate-template';
export * from './coupon/can-claim';
export * from './coupon/user-coupon';
export * from './coupon/user-coupon-machine';
export * from './coupon/evaluate-coupon';

export * from './pricing/checkout-input';
export * from './pricing/quote';
export * from './pricing/suggest-best-coupons';

export * from './catalog/sku-matrix';

export * from './ledger/commission';
export * from './ledger/ledger-entry';
export * from './ledger/settlement-split';
export * from './ledger/settle-order';
export * from './ledger/refund-order';
export * from './ledger/withdrawal-machine';
export * from './ledger/withdrawal';
