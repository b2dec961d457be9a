/**
 * Subscribe messages (`cloud.openapi.subscribeMessage.send`) as every function sends them: the
 * template id from an environment variable (a placeholder only under the local emulator; missing in
 * production, `SETTING_MISSING`, see server/settings.ts),
 * WeChat's keyword value rules, and a send that never fails the action it reports on.
 */
import { cloud } from './cloud';
import { logEvent } from './log';
import { setting } from './settings';

/**
 * The template id in `envName`; `placeholder` only under the local emulator, `SETTING_MISSING`
 * otherwise. Actions that send call it before they change anything.
 */
export function templateIdFromEnv(envName: string, placeholder: string): string {
  return setting(envName, placeholder);
}

/** WeChat's `thing` values hold at most 20 characters. */
export function thing(s: string): string {
  const chars = Array.from(s);
  return chars.length <= 20 ? s : `${chars.slice(0, 19).join('')}…`;
}

/** `2026年11月22日 10:30` in Beijing time (a `time` keyword). */
export function beijingTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The page the message opens, without a leading slash. */
  page?: string;
  data: Record<string, { value: string }>;
}

/**
 * Sends `message` after the change it reports was committed, and never throws: without a
 * subscription credit (43101, the user did not accept `wx.requestSubscribeMessage`) or on any other
 * error it only logs. Log events: `<kind>_message_sent`, `<kind>_message_no_credit`,
 * `<kind>_message_failed`, each with `context` and the recipient.
 */
export async function sendSubscribeMessage(kind: string, message: SubscribeMessage, context: Record<string, unknown>): Promise<void> {
  try {
    await cloud.openapi.subscribeMessage.send(message);
    logEvent(`${kind}_message_sent`, { ...context, touser: message.touser });
  } catch (e) {
    const errCode = (e as { errCode?: number }).errCode;
    logEvent(errCode === 43101 ? `${kind}_message_no_credit` : `${kind}_message_failed`, { ...context, touser: message.touser, templateId: message.templateId, errCode, error: (e as Error)?.message ?? String(e) });
  }
}
