import { cloud } from '../../../server/cloud';
import { logEvent } from '../../../server/log';
import type { OrderDoc } from '../../../server/model';

/** The environment variable holding the subscribe-message template of "订单发货通知". */
export const SHIPPED_TEMPLATE_ENV = 'ORDER_SHIPPED_TEMPLATE_ID';
/** Used while the variable is unset: only the local emulator accepts it (WeChat answers 40037). */
export const SHIPPED_TEMPLATE_PLACEHOLDER = 'TPL_ORDER_SHIPPED';

export function shippedTemplateId(): string {
  return process.env[SHIPPED_TEMPLATE_ENV]?.trim() || SHIPPED_TEMPLATE_PLACEHOLDER;
}

/** WeChat's `thing` values hold at most 20 characters. */
function thing(s: string): string {
  const chars = Array.from(s);
  return chars.length <= 20 ? s : `${chars.slice(0, 19).join('')}…`;
}

/** `2026年11月22日 10:30` in Beijing time (a `time` keyword). */
function beijingTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Tells the shopper their order shipped. Runs after the order is marked shipped and never fails
 * it: without a subscription credit (43101: the shopper did not accept `wx.requestSubscribeMessage`
 * for this template at checkout) or on any other error the message is only logged.
 * Keywords: `character_string1` order number, `thing2` goods, `thing3` carrier,
 * `character_string4` tracking number, `time5` shipping time.
 */
export async function notifyShipped(order: OrderDoc): Promise<void> {
  const templateId = shippedTemplateId();
  const first = order.lines[0]?.title ?? '商品';
  const goods = order.lines.length > 1 ? `${first}等${order.lines.length}件` : first;
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: order.openid,
      templateId,
      page: `packages/order/detail/index?orderId=${order._id}`,
      data: {
        character_string1: { value: order._id.slice(0, 32) },
        thing2: { value: thing(goods) },
        thing3: { value: thing(order.logistics?.carrier ?? '') },
        character_string4: { value: (order.logistics?.trackingNo ?? '').slice(0, 32) },
        time5: { value: beijingTime(order.shippedAt ?? order.updatedAt) },
      },
    });
    logEvent('shipped_message_sent', { orderId: order._id, touser: order.openid });
  } catch (e) {
    const errCode = (e as { errCode?: number }).errCode;
    const event = errCode === 43101 ? 'shipped_message_no_credit' : 'shipped_message_failed';
    logEvent(event, { orderId: order._id, touser: order.openid, templateId, errCode, error: (e as Error)?.message ?? String(e) });
  }
}
