import type { Address, CouponOption, Quote } from '../../../services/contracts';
import { formatFen } from '../../../services/format';
import { fullAddress } from '../../../shared/address-text';
import { couponFace } from '../../../shared/coupon-face';
import { formatDate } from '../../../shared/time-text';

export interface AddressCard {
  id: string;
  name: string;
  phone: string;
  text: string;
}

export interface QuoteLineView {
  skuId: string;
  title: string;
  coverUrl: string;
  specText: string;
  priceText: string;
  quantity: number;
}

export interface QuoteShopView {
  shopId: string;
  shopName: string;
  lines: QuoteLineView[];
  shippingText: string;
  discountText: string;
  payText: string;
}

export interface CouponOptionView {
  id: string;
  title: string;
  valueText: string;
  conditionText: string;
  issuerText: string;
  validText: string;
  usable: boolean;
  /** Why it cannot be used here; empty when usable. */
  reason: string;
  /** "可减¥20.00" alone; empty when unknown. */
  saveText: string;
  picked: boolean;
}

/** Everything the checkout shows of a quote; every amount is the server's. */
export interface QuoteScreen {
  address: AddressCard | null;
  shops: QuoteShopView[];
  goodsText: string;
  shippingText: string;
  discountText: string;
  payText: string;
  payFen: number;
  appliedCouponIds: string[];
  couponOptions: CouponOptionView[];
  couponSummary: string;
}

export function toAddressCard(address: Address): AddressCard {
  return { id: address.id, name: address.name, phone: address.phone, text: fullAddress(address) };
}

function toCouponOptionView(option: CouponOption, applied: string[]): CouponOptionView {
  const { coupon } = option;
  const face = couponFace(coupon);
  return {
    id: coupon.id,
    title: coupon.title,
    ...face,
    validText: `${formatDate(coupon.validTo)} 前有效`,
    usable: option.usable,
    reason: option.usable ? '' : option.reason ?? '不满足使用条件',
    saveText: option.usable && option.discountFen !== undefined ? `可减${formatFen(option.discountFen)}` : '',
    picked: applied.includes(coupon.id),
  };
}

function couponSummary(quote: Quote): string {
  if (quote.appliedCouponIds.length) return `-${formatFen(quote.discountFen)}`;
  const usable = quote.couponOptions.filter((option) => option.usable).length;
  return usable ? `${usable}张可用` : '暂无可用';
}

export function toQuoteScreen(quote: Quote): QuoteScreen {
  return {
    address: quote.address ? toAddressCard(quote.address) : null,
    shops: quote.orders.map((order) => ({
      shopId: order.shopId,
      shopName: order.shopName,
      lines: order.lines.map((line) => ({
        skuId: line.skuId,
        title: line.title,
        coverUrl: line.coverUrl,
        specText: line.specText,
        priceText: formatFen(line.unitPriceFen),
        quantity: line.quantity,
      })),
      shippingText: order.shippingFen ? formatFen(order.shippingFen) : '包邮',
      discountText: order.discountFen ? `-${formatFen(order.discountFen)}` : '',
      payText: formatFen(order.payFen),
    })),
    goodsText: formatFen(quote.goodsFen),
    shippingText: formatFen(quote.shippingFen),
    discountText: `-${formatFen(quote.discountFen)}`,
    payText: formatFen(quote.payFen),
    payFen: quote.payFen,
    appliedCouponIds: quote.appliedCouponIds,
    couponOptions: quote.couponOptions.map((option) => toCouponOptionView(option, quote.appliedCouponIds)),
    couponSummary: couponSummary(quote),
  };
}

/** The coupons picked after tapping one: tapped again it is dropped, else added. */
export function toggleCoupon(applied: string[], couponId: string): string[] {
  return applied.includes(couponId) ? applied.filter((id) => id !== couponId) : [...applied, couponId];
}
