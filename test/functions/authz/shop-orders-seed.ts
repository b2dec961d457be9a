/** Seeds for the shoporder and aftersale authorisation cases: a paid order of the world's buyer in a shop, and after-sale requests on it. */
import type { AfterSaleDoc, OrderDoc, PaymentDoc } from '../../../server/model';
import { validateDocument } from '../../../server/validation';
import { ADDRESS } from '../../support/fixtures';
import type { World } from './types';

async function put(w: World, coll: 'orders' | 'payments' | 'after_sales', doc: { _id: string }): Promise<void> {
  validateDocument(coll, doc as unknown as Record<string, unknown>);
  const { _id, ...rest } = doc;
  await w.mall.db.collection(coll).doc(_id).set({ data: rest });
}

/** A paid (or shipped) order of `w.buyer` in `shopId`: one line of 2 x 50 yuan. */
export async function seedOrder(w: World, shopId: string, status: 'paid' | 'shipped' = 'paid', over: Partial<OrderDoc> = {}): Promise<OrderDoc> {
  const now = new Date();
  const paymentId = w.unique('authz-pay');
  const orderId = w.unique('authz-order');
  const payment: PaymentDoc = { _id: paymentId, openid: w.buyer, requestId: paymentId, orderIds: [orderId], totalFen: 10000, status: 'paid', couponIds: [], createdAt: now, updatedAt: now, payDeadline: now, paidAt: now };
  const order: OrderDoc = {
    _id: orderId, paymentId, openid: w.buyer, shopId, shopName: '测试店', status,
    lines: [{ skuId: 'authz-sku', goodsId: 'authz-goods', title: '测试商品', coverUrl: '', specText: '', unitPriceFen: 5000, quantity: 2, goodsFen: 10000, discountFen: 0, payFen: 10000, categoryIds: [] }],
    goodsFen: 10000, shippingFen: 0, discountFen: 0, payFen: 10000, couponIds: [], address: { ...ADDRESS }, remark: '', totalQuantity: 2,
    createdAt: now, updatedAt: now, payDeadline: now, paidAt: now, history: [], ...(status === 'shipped' ? { shippedAt: now, logistics: { carrier: '顺丰速运', trackingNo: 'SF0001' } } : {}), ...over,
  };
  await put(w, 'payments', payment);
  await put(w, 'orders', order);
  return order;
}

/** An after-sale request in `status` on a fresh order of `shopId`. */
export async function seedAfterSale(w: World, shopId: string, type: AfterSaleDoc['type'], status: AfterSaleDoc['status']): Promise<AfterSaleDoc> {
  const id = w.unique('authz-as');
  const order = await seedOrder(w, shopId, 'shipped', { afterSaleClaims: [{ afterSaleId: id, lineIndex: 0, quantity: 1, amountFen: 5000 }] });
  const now = new Date();
  const doc: AfterSaleDoc = {
    _id: id, orderId: order._id, paymentId: order.paymentId, shopId, openid: w.buyer, type,
    lines: [{ lineIndex: 0, skuId: 'authz-sku', goodsId: 'authz-goods', title: '测试商品', specText: '', coverUrl: '', quantity: 1, amountFen: 5000 }],
    shippingFen: 0, amountFen: 5000, reason: '质量问题', description: '', photos: [], status,
    ...(status === 'returning' ? { returnLogistics: { carrier: '中通快递', trackingNo: 'ZT0001' } } : {}),
    history: [], createdAt: now, updatedAt: now,
  };
  await put(w, 'after_sales', doc);
  return doc;
}
