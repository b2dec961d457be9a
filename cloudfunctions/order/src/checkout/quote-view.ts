/** The contract's Quote from a domain quote and the documents it was priced from. */
import type { CouponOption, Quote, QuoteShopOrder } from '../../../../miniprogram/contracts';
import type { CouponOption as DomainCouponOption, Quote as DomainQuote } from '../../../../domain';
import type { UserCouponDoc } from '../../../../server/model';
import { issuerShops, userCouponView } from '../../../coupon/src/coupon-views';
import type { LoadedBasket } from './load-basket';
import { pricingMessage } from './pricing-failure';

export function shopOrdersView(loaded: LoadedBasket, quote: DomainQuote): QuoteShopOrder[] {
  const byKey = new Map(loaded.lines.map((l) => [l.sku._id, l]));
  return quote.orders.map((o) => ({
    shopId: o.shopId,
    shopName: loaded.shops.get(o.shopId)?.name ?? '',
    lines: o.lines.map((l) => {
      const { sku, goods } = byKey.get(l.key)!;
      return { skuId: l.skuId, goodsId: l.goodsId, title: goods.title, coverUrl: goods.coverUrl, specText: sku.specText, unitPriceFen: l.unitPriceFen, quantity: l.quantity, goodsFen: l.goodsFen, discountFen: l.discountFen, payFen: l.payFen };
    }),
    goodsFen: o.goodsFen,
    shippingFen: o.shippingFen,
    discountFen: o.discountFen,
    payFen: o.payFen,
  }));
}

export async function couponOptionsView(wallet: UserCouponDoc[], options: readonly DomainCouponOption[], now: number): Promise<CouponOption[]> {
  const shops = await issuerShops(wallet.map((c) => c.template.issuer));
  const docs = new Map(wallet.map((c) => [c._id, c]));
  return options.map((o): CouponOption => {
    const coupon = userCouponView(docs.get(o.userCouponId)!, shops, now);
    return o.usable ? { coupon, usable: true, discountFen: o.discountFen } : { coupon, usable: false, reason: pricingMessage(o.code, o.details) };
  });
}

export function quoteView(loaded: LoadedBasket, quote: DomainQuote, extra: Pick<Quote, 'appliedCouponIds' | 'couponOptions' | 'address'>): Quote {
  return { orders: shopOrdersView(loaded, quote), goodsFen: quote.goodsFen, shippingFen: quote.shippingFen, discountFen: quote.discountFen, payFen: quote.payFen, ...extra };
}
