/**
 * Subscribe-message templates the mini-program asks the user to accept (`wx.requestSubscribeMessage`)
 * before an action whose result a cloud function reports by message. Each id must be the same
 * template the function sends with: replace these placeholders with the ids from your mini-program's
 * console (订阅消息) when you deploy, and set the function's environment variable to match.
 */
export const SUBSCRIBE_TEMPLATES = {
  /**
   * 开店审核结果, sent by the `merchant` function on approval or rejection
   * (`MERCHANT_REVIEW_TEMPLATE_ID`; cloudfunctions/merchant/README.md). The placeholder is the
   * function's own default, which only the local emulator accepts.
   */
  merchantReview: 'TPL_MERCHANT_REVIEW',
  /**
   * 订单发货提醒, sent by the `shoporder` function when the shop ships (`ORDER_SHIPPED_TEMPLATE_ID`;
   * cloudfunctions/shoporder/README.md). Asked for when the shopper submits an order.
   */
  orderShipped: 'TPL_ORDER_SHIPPED',
} as const;
