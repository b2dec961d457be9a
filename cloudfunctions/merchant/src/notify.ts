import type { ShopApplicationDoc } from '../../../server/model';
import { beijingTime, sendSubscribeMessage, templateIdFromEnv, thing } from '../../../server/subscribe-message';

/** The environment variable holding the subscribe-message template of "开店审核结果". */
export const REVIEW_TEMPLATE_ENV = 'MERCHANT_REVIEW_TEMPLATE_ID';
/** Used while the variable is unset, only under the local emulator (WeChat answers 40037). */
export const REVIEW_TEMPLATE_PLACEHOLDER = 'TPL_MERCHANT_REVIEW';

/** The template id; `SETTING_MISSING` when unset in production: reviews check it before they change anything. */
export const reviewTemplateId = (): string => templateIdFromEnv(REVIEW_TEMPLATE_ENV, REVIEW_TEMPLATE_PLACEHOLDER);

/**
 * Tells the applicant the review result. Runs after the review is committed and never fails it:
 * without a subscription credit (43101, the applicant did not accept `wx.requestSubscribeMessage`)
 * or on any other error the message is only logged, the applicant sees the result in the app.
 */
export async function notifyReview(app: ShopApplicationDoc): Promise<void> {
  const approved = app.status === 'approved';
  await sendSubscribeMessage(
    'review',
    {
      touser: app.openid,
      templateId: reviewTemplateId(),
      data: {
        thing1: { value: thing(app.shopName) },
        phrase2: { value: approved ? '审核通过' : '审核未通过' },
        thing3: { value: thing(approved ? '欢迎入驻，快去上架商品吧' : app.reason || '请修改后重新申请') },
        time4: { value: beijingTime(app.reviewedAt ?? app.updatedAt) },
      },
    },
    { applicationId: app._id, status: app.status },
  );
}
