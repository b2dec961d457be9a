import type { CheckoutRequest, Quote } from '../../../../miniprogram/contracts';
import { priceCheckout, suggestBestCoupons } from '../../../../domain';
import type { ActionDef } from '../../../../server/handler';
import { id, obj } from '../../../../server/input';
import { addressView, defaultAddress, ownAddress } from '../checkout/address';
import { checkoutWallet, ownCoupons, toDomainCoupon } from '../checkout/coupons';
import { checkoutItems, couponIds } from '../checkout/input-schemas';
import { loadBasket } from '../checkout/load-basket';
import { failPricing } from '../checkout/pricing-failure';
import { couponOptionsView, quoteView } from '../checkout/quote-view';

/**
 * Prices a checkout on the server: prices from the SKUs, shipping per shop, and coupons (the
 * picked ones, or the best combination the domain suggests), with every coupon of the wallet
 * marked usable or not and why. Changes nothing.
 */
export const quote: ActionDef<CheckoutRequest, Quote> = {
  input: obj({ items: checkoutItems, addressId: id, couponIds, fromCart: { type: 'boolean' } }, ['items']),
  async run(input, ctx) {
    const loaded = await loadBasket(input.items);
    const address = input.addressId ? await ownAddress(ctx.openid, input.addressId) : await defaultAddress(ctx.openid);
    const wallet = await checkoutWallet(ctx.openid);
    const suggestion = suggestBestCoupons(loaded.basket, wallet.map(toDomainCoupon), ctx.now);
    if (!suggestion.ok) return failPricing(suggestion);
    let priced = suggestion.value.quote;
    let applied = [...suggestion.value.couponIds];
    if (input.couponIds) {
      const picked = await ownCoupons(ctx.openid, input.couponIds);
      const chosen = priceCheckout({ ...loaded.basket, coupons: picked.map(toDomainCoupon), now: ctx.now });
      if (!chosen.ok) return failPricing(chosen);
      priced = chosen.value;
      applied = input.couponIds;
    }
    const couponOptions = await couponOptionsView(wallet, suggestion.value.options, ctx.now);
    return quoteView(loaded, priced, { appliedCouponIds: applied, couponOptions, address: address ? addressView(address) : null });
  },
};
