import type { OrderDoc } from '../../../server/model';
import { beijingTime, sendSubscribeMessage, templateIdFromEnv, thing } from '../../../server/subscribe-message';

/** The environment variable holding the subscribe-message template of "订单发货通知". */
export const SHIPPED_TEMPLATE_ENV = 'ORDER_SHIPPED_TEMPLATE_ID';
/** Used while the variable is unset: only the local emulator accepts it (WeChat answers 40037). */
export const SHIPPED_TEMPLATE_PLACEHOLDER = 'TPL_ORDER_SHIPPED';

/** The template id; `SETTING_MISSING` when unset in production: shipping checks it before it changes anything. */
export const shippedTemplateId = (): string => templateIdFromEnv(SHIPPED_TEMPLATE_ENV, SHIPPED_TEMPLATE_PLACEHOLDER);

/**
 * Tells the shopper their order shipped. Runs after the order is marked shipped and never fails
 * it: without a subscription credit (43101: the shopper did not accept `wx.requestSubscribeMessage`
 * for this template at checkout) or on any other error the message is only logged.
 * Keywords: `character_string1` order number, `thing2` goods, `thing3` carrier,
 * `character_string4` tracking number, `time5` shipping time.
 */
export async function notifyShipped(order: OrderDoc): Promise<void> {
  const first = order.lines[0]?.title ?? '商品';
  const goods = order.lines.length > 1 ? `${first}等${order.lines.length}件` : first;
  await sendSubscribeMessage(
    'shipped',
    {
      touser: order.openid,
      templateId: shippedTemplateId(),
      page: `packages/order/detail/index?orderId=${order._id}`,
      data: {
        character_string1: { value: order._id.slice(0, 32) },
        thing2: { value: thing(goods) },
        thing3: { value: thing(order.logistics?.carrier ?? '') },
        character_string4: { value: (order.logistics?.trackingNo ?? '').slice(0, 32) },
        time5: { value: beijingTime(order.shippedAt ?? order.updatedAt) },
      },
    },
    { orderId: order._id },
  );
}
