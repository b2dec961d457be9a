/**
 * What the checkout page checks out. The cart and the goods page leave it in storage before opening
 * the checkout page (a cart of 100 lines would not fit a URL); the checkout page reads it on load
 * and keeps it, so a reload of that page works too.
 */
import type { CheckoutItem } from '../contracts';

const STORAGE_KEY = 'cloudmall.checkout-intent';

export interface CheckoutIntent {
  items: CheckoutItem[];
  /** The items are cart lines: the order removes them from the cart. */
  fromCart: boolean;
}

export function saveCheckoutIntent(intent: CheckoutIntent): void {
  wx.setStorageSync(STORAGE_KEY, intent);
}

/** The stored intent, or null when none (or a malformed one) is stored. */
export function readCheckoutIntent(): CheckoutIntent | null {
  const stored: unknown = wx.getStorageSync(STORAGE_KEY);
  if (!stored || typeof stored !== 'object') return null;
  const { items, fromCart } = stored as { items?: unknown; fromCart?: unknown };
  if (!Array.isArray(items) || items.length === 0) return null;
  const valid = items.every(
    (item: unknown) =>
      !!item && typeof item === 'object' && typeof (item as CheckoutItem).skuId === 'string' && Number.isInteger((item as CheckoutItem).quantity),
  );
  return valid ? { items: items as CheckoutItem[], fromCart: fromCart === true } : null;
}
