/**
 * Builders for checkout lines and shop rules in pricing specs. Test support only; not exported
 * from `domain/index.ts`.
 */
import type { CheckoutLineInput, ShopShippingRule } from '../pricing/checkout-input';

/** A line of `quantity` x `unitPriceFen` in `shopId`, with key `key`. */
export function makeLine(key: string, shopId: string, unitPriceFen: number, quantity = 1, extra: Partial<CheckoutLineInput> = {}): CheckoutLineInput {
  return { key, skuId: `sku-${key}`, goodsId: `goods-${key}`, shopId, categoryIds: ['general'], unitPriceFen, quantity, ...extra };
}

/** A shipping rule with a flat fee and an optional free-shipping threshold. */
export function shipping(shippingFeeFen: number, freeShippingThresholdFen: number | null = null): ShopShippingRule {
  return { shippingFeeFen, freeShippingThresholdFen };
}
