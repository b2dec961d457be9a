/**
 * Shared set-up of the order and payment specs: two shops with goods, shoppers with an address and
 * coupons, and a `checkout` helper that quotes and then creates exactly like the checkout page.
 */
import { randomUUID } from 'node:crypto';
import type { CheckoutItem, CreateOrderResult, Quote } from '../../miniprogram/contracts';
import type { AddressDoc, CartDoc, CouponTemplateCore, UserCouponDoc } from '../../server/model';
import type { CollectionName } from '../../server/schemas';
import { validateDocument } from '../../server/validation';
import { ADDRESS, read, seedCouponTemplate, seedGoods, seedShop } from '../support/fixtures';
import type { Mall } from '../support/mall';

const T0 = new Date('2026-01-01T00:00:00Z');
const FAR = new Date('2030-01-01T00:00:00Z');

async function put<D extends { _id: string }>(db: any, coll: CollectionName, doc: D): Promise<void> {
  validateDocument(coll, doc as unknown as Record<string, unknown>);
  await db.collection(coll).add({ data: doc });
}

/**
 * Shop A ships for 8 yuan, free from 99 yuan; shop B ships for 6 yuan, never free.
 * Goods (prefix-scoped ids): `${p}-tea` 30 yuan (stock 50) and `${p}-cup` 120 yuan (stock 10) in A,
 * `${p}-pen` 15 yuan and `${p}-ink` 5 yuan (stock 100 each) in B.
 */
export async function seedCatalog(db: any, p: string) {
  await seedShop(db, { _id: `${p}-A`, name: `${p}茶铺` });
  await seedShop(db, { _id: `${p}-B`, name: `${p}文具`, shipping: { feeFen: 600, freeThresholdFen: null } });
  await seedGoods(db, { _id: `${p}-g-tea`, shopId: `${p}-A`, title: '龙井茶', categoryIds: ['tea'] }, [{ _id: `${p}-tea`, priceFen: 3000, stock: 50 }]);
  await seedGoods(db, { _id: `${p}-g-cup`, shopId: `${p}-A`, title: '茶杯', categoryIds: ['ware'] }, [{ _id: `${p}-cup`, priceFen: 12000, stock: 10 }]);
  await seedGoods(db, { _id: `${p}-g-pen`, shopId: `${p}-B`, title: '钢笔', categoryIds: ['pen'] }, [{ _id: `${p}-pen`, priceFen: 1500, stock: 100 }]);
  await seedGoods(db, { _id: `${p}-g-ink`, shopId: `${p}-B`, title: '墨水', categoryIds: ['pen'] }, [{ _id: `${p}-ink`, priceFen: 500, stock: 100 }]);
  return { shopA: `${p}-A`, shopB: `${p}-B`, tea: `${p}-tea`, cup: `${p}-cup`, pen: `${p}-pen`, ink: `${p}-ink` };
}

/** A default address for the shopper; returns its id. */
export async function seedAddress(db: any, openid: string): Promise<string> {
  const id = `addr-${openid}`;
  const doc: AddressDoc = { _id: id, openid, ...ADDRESS, isDefault: true, createdAt: T0, updatedAt: T0 };
  await put(db, 'addresses', doc);
  return id;
}

const PLATFORM_100_20: CouponTemplateCore = { title: '满100减20', issuer: { type: 'platform' }, kind: 'threshold', amountFen: 2000, thresholdFen: 10000, scope: { type: 'all' } };

/** A coupon in the shopper's wallet (platform 满100减20 unless told otherwise). */
export async function giveCoupon(db: any, openid: string, id: string, template: CouponTemplateCore = PLATFORM_100_20, over: Partial<UserCouponDoc> = {}): Promise<string> {
  const templateId = `tpl-${id}`;
  await seedCouponTemplate(db, { _id: templateId, ...template });
  const doc: UserCouponDoc = { _id: id, templateId, openid, status: 'unused', validFrom: T0, validTo: FAR, template, claimedAt: T0, lockedBy: null, updatedAt: T0, ...over };
  await put(db, 'user_coupons', doc);
  return id;
}

export async function putInCart(db: any, openid: string, skuId: string, goodsId: string, shopId: string, quantity: number): Promise<void> {
  const doc: CartDoc = { _id: `cart-${openid}-${skuId}`, openid, skuId, goodsId, shopId, quantity, selected: true, addedAt: T0, updatedAt: T0 };
  await put(db, 'carts', doc);
}

export interface Checkout {
  quote: Quote;
  created: CreateOrderResult;
  requestId: string;
}

/** Quotes, then creates with the quoted total, as the checkout page does. */
export async function checkout(mall: Mall, openid: string, items: CheckoutItem[], opts: { couponIds?: string[]; fromCart?: boolean; requestId?: string } = {}): Promise<Checkout> {
  const addressId = `addr-${openid}`;
  const quote = await mall.as(openid).ok('order', 'quote', { items, addressId, couponIds: opts.couponIds ?? [] });
  const requestId = opts.requestId ?? randomUUID();
  const created = await mall.as(openid).ok('order', 'create', { requestId, items, addressId, couponIds: opts.couponIds ?? [], expectedPayFen: quote.payFen, ...(opts.fromCart ? { fromCart: true } : {}) });
  return { quote, created, requestId };
}

/** Places the WeChat Pay order (payment.pay) and pays it through the emulator, waiting for the callback. */
export async function payFor(mall: Mall, openid: string, paymentId: string, opts: { duplicates?: number; parallel?: boolean } = {}) {
  await mall.as(openid).ok('payment', 'pay', { paymentId });
  return mall.pay(paymentId, opts);
}

export const stockOf = async (db: any, skuId: string): Promise<number> => (await read(db, 'skus', skuId)).stock;
export const statusOf = async (db: any, coll: CollectionName, id: string): Promise<string> => (await read(db, coll, id)).status;

/** Reads the emulator's WeChat Pay refunds of a payment. */
export async function wxRefunds(mall: Mall, paymentId: string): Promise<Array<{ outRefundNo: string; refundFee: number; totalFee: number; status: string }>> {
  const res = await fetch(`${mall.emu.url}/_emulator/pay/refunds?outTradeNo=${paymentId}`);
  return ((await res.json()) as { refunds: Array<{ outRefundNo: string; refundFee: number; totalFee: number; status: string }> }).refunds;
}

/** Polls until `check` holds (refund notifications arrive asynchronously). */
export async function eventually<T>(get: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (check(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
