/**
 * Turns a create request into the documents to write: one order per shop and the payment that
 * groups them, priced by the domain from database prices. Reads only; fails with PRICE_CHANGED
 * when the total differs from what the shopper saw, before anything changes.
 */
import type { CreateOrderRequest } from '../../../../miniprogram/contracts';
import { type OrderState, type PaymentState, priceCheckout, type Quote as DomainQuote, unpaidDeadline } from '../../../../domain';
import type { CallContext } from '../../../../server/handler';
import { fail } from '../../../../server/failure';
import { stableId } from '../../../../server/ids';
import type { AddressDoc, OrderDoc, PaymentDoc } from '../../../../server/model';
import { repo } from '../../../../server/repo';
import { addressSnapshot } from './address';
import { ownCoupons, toDomainCoupon } from './coupons';
import { type LoadedBasket, loadBasket } from './load-basket';
import { failPricing } from './pricing-failure';

/** Where every order and payment starts (the machines have no creation event). */
const NEW_ORDER: OrderState = 'pending_payment';
const NEW_PAYMENT: PaymentState = 'created';

export interface StockReservation {
  skuId: string;
  goodsId: string;
  quantity: number;
}

export interface CheckoutPlan {
  payment: PaymentDoc;
  orders: OrderDoc[];
  reservations: StockReservation[];
  couponIds: string[];
  /** SKUs to take out of the cart once the orders exist (empty unless fromCart). */
  cartSkuIds: string[];
}

/** The payment id of a checkout attempt: the same shopper resending the same requestId meets the same payment. */
export const paymentIdOf = (openid: string, requestId: string): string => stableId('checkout', openid, requestId);

/** A readable order number: Beijing time to the second plus ten digits derived from payment and shop. */
export function orderNumber(paymentId: string, shopId: string, now: number): string {
  const stamp = new Date(now + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const digits = BigInt(`0x${stableId('order', paymentId, shopId).slice(0, 15)}`) % 10_000_000_000n;
  return `${stamp}${digits.toString().padStart(10, '0')}`;
}

async function ownAddressOrRequired(openid: string, addressId: string): Promise<AddressDoc> {
  const doc = await repo.get('addresses', addressId);
  return doc && doc.openid === openid ? doc : fail('ADDRESS_REQUIRED', '请选择收货地址');
}

function orderDocs(loaded: LoadedBasket, quote: DomainQuote, base: { paymentId: string; openid: string; address: AddressDoc; remark: string; now: number }): OrderDoc[] {
  const at = new Date(base.now);
  const byKey = new Map(loaded.lines.map((l) => [l.sku._id, l]));
  return quote.orders.map((o) => ({
    _id: orderNumber(base.paymentId, o.shopId, base.now),
    paymentId: base.paymentId,
    openid: base.openid,
    shopId: o.shopId,
    shopName: (loaded.shops.get(o.shopId)?.name ?? '').slice(0, 30),
    status: NEW_ORDER,
    lines: o.lines.map((l) => {
      const { sku, goods } = byKey.get(l.key)!;
      return { skuId: l.skuId, goodsId: l.goodsId, title: goods.title.slice(0, 60), coverUrl: goods.coverUrl, specText: sku.specText, unitPriceFen: l.unitPriceFen, quantity: l.quantity, goodsFen: l.goodsFen, discountFen: l.discountFen, payFen: l.payFen, categoryIds: [...goods.categoryIds], platformDiscountFen: l.platformDiscountFen };
    }),
    goodsFen: o.goodsFen,
    shippingFen: o.shippingFen,
    discountFen: o.discountFen,
    payFen: o.payFen,
    couponIds: [...o.couponIds],
    address: addressSnapshot(base.address),
    remark: base.remark,
    totalQuantity: o.lines.reduce((n, l) => n + l.quantity, 0),
    createdAt: at,
    updatedAt: at,
    payDeadline: new Date(unpaidDeadline(base.now)),
    history: [{ event: 'create', at }],
  }));
}

export async function planCheckout(input: CreateOrderRequest, ctx: CallContext): Promise<CheckoutPlan> {
  const loaded = await loadBasket(input.items);
  const address = await ownAddressOrRequired(ctx.openid, input.addressId);
  const coupons = await ownCoupons(ctx.openid, input.couponIds);
  const priced = priceCheckout({ ...loaded.basket, coupons: coupons.map(toDomainCoupon), now: ctx.now });
  if (!priced.ok) return failPricing(priced);
  const quote = priced.value;
  if (quote.payFen !== input.expectedPayFen) fail('PRICE_CHANGED', '商品价格或优惠有变动，请确认后重新提交', { payFen: quote.payFen });

  const paymentId = paymentIdOf(ctx.openid, input.requestId);
  const orders = orderDocs(loaded, quote, { paymentId, openid: ctx.openid, address, remark: (input.remark ?? '').trim(), now: ctx.now });
  const at = new Date(ctx.now);
  const payment: PaymentDoc = {
    _id: paymentId,
    openid: ctx.openid,
    requestId: input.requestId,
    orderIds: orders.map((o) => o._id),
    totalFen: quote.payFen,
    status: NEW_PAYMENT,
    couponIds: [...input.couponIds],
    createdAt: at,
    updatedAt: at,
    payDeadline: new Date(unpaidDeadline(ctx.now)),
  };
  return {
    payment,
    orders,
    reservations: loaded.lines.map((l) => ({ skuId: l.sku._id, goodsId: l.goods._id, quantity: l.quantity })),
    couponIds: [...input.couponIds],
    cartSkuIds: input.fromCart ? loaded.lines.map((l) => l.sku._id) : [],
  };
}
