import { cloud } from '../../../server/cloud';
import { logEvent } from '../../../server/log';
import type { ShopApplicationDoc } from '../../../server/model';

/** The environment variable holding the subscribe-message template of "开店审核结果". */
export const REVIEW_TEMPLATE_ENV = 'MERCHANT_REVIEW_TEMPLATE_ID';
/** Used while the variable is unset: only the local emulator accepts it (WeChat answers 40037). */
export const REVIEW_TEMPLATE_PLACEHOLDER = 'TPL_MERCHANT_REVIEW';

export function reviewTemplateId(): string {
  return process.env[REVIEW_TEMPLATE_ENV]?.trim() || REVIEW_TEMPLATE_PLACEHOLDER;
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
 * Tells the applicant the review result. Runs after the review is committed and never fails it:
 * without a subscription credit (43101, the applicant did not accept `wx.requestSubscribeMessage`)
 * or on any other error the message is only logged, the applicant sees the result in the app.
 */
export async function notifyReview(app: ShopApplicationDoc): Promise<void> {
  const approved = app.status === 'approved';
  const templateId = reviewTemplateId();
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: app.openid,
      templateId,
      data: {
        thing1: { value: thing(app.shopName) },
        phrase2: { value: approved ? '审核通过' : '审核未通过' },
        thing3: { value: thing(approved ? '欢迎入驻，快去上架商品吧' : app.reason || '请修改后重新申请') },
        time4: { value: beijingTime(app.reviewedAt ?? app.updatedAt) },
      },
    });
    logEvent('review_message_sent', { applicationId: app._id, touser: app.openid, status: app.status });
  } catch (e) {
    const errCode = (e as { errCode?: number }).errCode;
    const event = errCode === 43101 ? 'review_message_no_credit' : 'review_message_failed';
    logEvent(event, { applicationId: app._id, touser: app.openid, templateId, errCode, error: (e as Error)?.message ?? String(e) });
  }
}
