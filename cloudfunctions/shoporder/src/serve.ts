import type { ShopOrderDetail } from '../../../miniprogram/contracts';
import { autoConfirmAt, orderMachine } from '../../../domain';
import { _ } from '../../../server/cloud';
import { withEvent } from '../../../server/checkout/history';
import { fail } from '../../../server/failure';
import type { ActionDef } from '../../../server/handler';
import { id, obj } from '../../../server/input';
import { logEvent } from '../../../server/log';
import { repo } from '../../../server/repo';
import { notifyShipped, shippedTemplateId } from './notify';
import { detailOf, shopOrder } from './shop-order';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

/**
 * Ships a paid order (paid → shipped): sets shippedAt, the auto-confirm time and the logistics by
 * a conditional update on the state, so a second ship (or a ship racing the shopper's cancel) is
 * ORDER_STATE_INVALID and changes nothing. A request waiting for the shop's decision must be
 * answered first (AFTER_SALE_STATE_INVALID). The shopper is told by a subscribe message.
 */
export const ship: ActionDef<{ shopId: string; orderId: string; carrier: string; trackingNo: string }, ShopOrderDetail> = {
  input: obj({ shopId: id, orderId: id, carrier: text(30), trackingNo: { type: 'string', pattern: '^[A-Za-z0-9-]{4,32}$' } }, ['shopId', 'orderId', 'carrier', 'trackingNo']),
  async run(input, ctx) {
    const order = await shopOrder(ctx, input.shopId, input.orderId);
    shippedTemplateId(); // the shipped message needs it: a missing setting fails here, before any change
    const next = orderMachine.next(order.status, 'ship');
    if (!next.ok) return fail('ORDER_STATE_INVALID', order.status === 'shipped' ? '订单已发货' : '该订单当前不能发货', { status: order.status });
    if (await repo.count('after_sales', { orderId: order._id, status: 'requested' })) fail('AFTER_SALE_STATE_INVALID', '该订单有待处理的售后申请，请先处理');
    const at = new Date(ctx.now);
    const logistics = { carrier: input.carrier.trim(), trackingNo: input.trackingNo };
    const patch = {
      status: next.value,
      shippedAt: at,
      autoConfirmAt: new Date(autoConfirmAt(ctx.now)),
      logistics,
      updatedAt: at,
      history: withEvent(order.history, 'ship', ctx.now, { by: ctx.openid, note: `${logistics.carrier} ${logistics.trackingNo}` }),
    };
    if (!(await repo.update('orders', order._id, patch, { status: order.status, shopId: input.shopId }))) fail('ORDER_STATE_INVALID', '订单状态已变化，请刷新');
    const shipped = { ...order, ...patch };
    logEvent('order_shipped', { orderId: order._id, shopId: input.shopId, by: ctx.openid });
    await notifyShipped(shipped);
    return detailOf(shipped, ctx.now);
  },
};

/** Keeps the shop's own note on the order (any state; an empty note clears it). */
export const note: ActionDef<{ shopId: string; orderId: string; note: string }, ShopOrderDetail> = {
  input: obj({ shopId: id, orderId: id, note: { type: 'string', maxLength: 200 } }, ['shopId', 'orderId', 'note']),
  async run(input, ctx) {
    const order = await shopOrder(ctx, input.shopId, input.orderId);
    const merchantNote = input.note.trim();
    const patch = merchantNote ? { merchantNote, updatedAt: new Date(ctx.now) } : { merchantNote: _.remove(), updatedAt: new Date(ctx.now) };
    await repo.update('orders', order._id, patch, { shopId: input.shopId });
    return detailOf((await repo.get('orders', order._id)) ?? order, ctx.now);
  },
};
