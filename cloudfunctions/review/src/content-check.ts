/**
 * Text shoppers and shops publish goes through WeChat's content check
 * (`security.msgSecCheck` v2, scene 2 = comment). `risky` is refused with CONTENT_RISKY; `review`
 * (WeChat is unsure) is published, as WeChat's guidance allows with human follow-up. When the check
 * itself fails the text is refused too (fail closed): nothing unchecked is published.
 */
import { cloud } from '../../../server/cloud';
import { fail } from '../../../server/failure';
import { logEvent } from '../../../server/log';

export async function checkText(openid: string, content: string): Promise<void> {
  if (!content.trim()) return;
  let suggest: string | undefined;
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid })) as { result?: { suggest?: string; label?: number } };
    suggest = res.result?.suggest;
    if (suggest === 'risky') logEvent('review_text_refused', { openid, label: res.result?.label });
  } catch (e) {
    logEvent('review_text_check_failed', { openid, error: String((e as Error).message ?? e) });
    fail('INTERNAL', '内容检测暂时不可用，请稍后再试');
  }
  if (suggest === 'risky') fail('CONTENT_RISKY', '内容含有违规信息，请修改后再提交');
}
