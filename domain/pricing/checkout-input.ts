/**
 * What the server prices at checkout. Every amount here comes from the database (prices,
 * shipping rules, the shopper's coupons); only the choice of lines, quantities and coupons comes
 * from the shopper.
 */
import type { Fen } from '../money';
import type { UserCoupon } from '../coupon/user-coupon';

/** The largest quantity of one line. */
export const MAX_LINE_QUANTITY = 999;

/** One line of the cart being checked out. */
export interface CheckoutLineInput {
  /** Unique within the checkout (for example the cart item id); used to report per-line results. */
  readonly key: string;
  readonly skuId: string;
  readonly goodsId: string;
  readonly shopId: string;
  readonly categoryIds: readonly string[];
  /** The current price of the SKU, at least 1 fen. */
  readonly unitPriceFen: Fen;
  /** An integer from 1 to {@link MAX_LINE_QUANTITY}. */
  readonly quantity: number;
  readonly title?: string;
}

/** A shop's shipping rule: a flat fee per order, waived from a goods subtotal when a threshold is set. */
export interface ShopShippingRule {
  readonly shippingFeeFen: Fen;
  /** Shipping is free when the order's goods subtotal (before coupons) reaches this; null for never. */
  readonly freeShippingThresholdFen: Fen | null;
}

/** The goods and shops of a checkout, without coupons. */
export interface CheckoutBasket {
  readonly lines: readonly CheckoutLineInput[];
  /** The shipping rule of every shop that has lines in the checkout. */
  readonly shops: Readonly<Record<string, ShopShippingRule>>;
}

/** Everything `priceCheckout` needs. */
export interface CheckoutInput extends CheckoutBasket {
  /** The coupons the shopper selected (ownership is checked by the caller). */
  readonly coupons: readonly UserCoupon[];
  /** The current time in ms, for coupon validity. */
  readonly now: number;
}
