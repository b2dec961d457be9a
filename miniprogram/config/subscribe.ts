/**
 * Subscribe-message templates the mini-program asks the user to accept (`wx.requestSubscribeMessage`)
 * before an action whose result a cloud function reports by message. Each id must be the same
 * template the function sends with: `npm run deploy` writes the ids of the deploy config (which also
 * sets the functions' variables) into config/cloud-env.ts. The placeholders are the functions' own
 * samples, which only the local emulator accepts.
 */
import { CLOUD_SUBSCRIBE_TEMPLATES } from './cloud-env';

export const SUBSCRIBE_TEMPLATES = {
  /**
   * 开店审核结果, sent by the `merchant` function on approval or rejection
   * (`MERCHANT_REVIEW_TEMPLATE_ID`; cloudfunctions/merchant/README.md). The placeholder is the
   * function's own sample, which only the local emulator accepts.
   */
  merchantReview: CLOUD_SUBSCRIBE_TEMPLATES.merchantReview || 'TPL_MERCHANT_REVIEW',
  /**
   * 订单发货提醒, sent by the `shoporder` function when the shop ships (`ORDER_SHIPPED_TEMPLATE_ID`;
   * cloudfunctions/shoporder/README.md). Asked for when the shopper submits an order.
   */
  orderShipped: CLOUD_SUBSCRIBE_TEMPLATES.orderShipped || 'TPL_ORDER_SHIPPED',
} as const;
