import type { Clock } from '../../clock';
import type { OpenApiStore } from './openapi-store';
import { checkTemplateData } from './subscribe-data-rules';
import { type WxAnswer, wxError, wxOk } from './wx-answer';

const STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

export interface SubscribeDeps {
  store: OpenApiStore;
  clock: Clock;
  /** `granted`: every user accepted every template without limit; `none`: credits are needed. */
  subscribeDefault: 'none' | 'granted';
  log(event: string, detail?: Record<string, unknown>): void;
}

/**
 * `subscribeMessage.send`: validates like WeChat, spends one of the user's credits for the
 * template (one per acceptance of `wx.requestSubscribeMessage`) and appends the message to the
 * outbox. Without a credit WeChat answers 43101, which the SDK throws as `errCode: 43101`.
 */
export function sendSubscribeMessage(params: Record<string, unknown>, deps: SubscribeDeps): WxAnswer {
  const touser = params.touser;
  const templateId = params.template_id;
  if (typeof touser !== 'string' || touser === '') return wxError(40003, 'invalid openid');
  if (typeof templateId !== 'string' || templateId === '') return wxError(40037, 'invalid template_id');
  const page = params.page;
  if (page !== undefined && typeof page !== 'string') return wxError(47003, 'argument invalid! page must be a string');
  const state = params.miniprogram_state ?? 'formal';
  if (typeof state !== 'string' || !STATES.has(state)) return wxError(47003, 'argument invalid! miniprogram_state must be developer, trial or formal');
  const lang = params.lang ?? 'zh_CN';
  if (typeof lang !== 'string' || !LANGS.has(lang)) return wxError(47003, 'argument invalid! lang must be zh_CN, en_US, zh_HK or zh_TW');
  const dataProblem = checkTemplateData(params.data);
  if (dataProblem !== undefined) return wxError(47003, dataProblem);

  const now = deps.clock.now();
  return deps.store.atomically((): WxAnswer => {
    if (deps.subscribeDefault !== 'granted' && !deps.store.consumeCredit(touser, templateId, now)) {
      deps.log('subscribe_message_refused', { touser, templateId });
      return wxError(43101, 'user refuse to accept the msg');
    }
    const msgid = deps.store.appendOutbox({
      touser,
      templateId,
      page: typeof page === 'string' ? page : null,
      data: params.data as Record<string, unknown>,
      miniprogramState: state,
      lang,
      sentAt: now,
    });
    deps.log('subscribe_message_sent', { touser, templateId, msgid });
    return wxOk({ msgid });
  });
}
