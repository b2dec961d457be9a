import type { Clock } from '../../clock';
import type { Route } from '../../types';
import { ControlError, answerControl, optionalInt, parseJsonObject, requireString } from '../control-http';
import type { OpenApiStore } from './openapi-store';

const query = (url: URL, key: string): string | undefined => url.searchParams.get(key) || undefined;

/**
 * Control API of the open-API emulation: granting subscription-message credits (what the user
 * accepting `wx.requestSubscribeMessage` does) and reading the outbox of sent messages.
 */
export function openApiRoutes(deps: { store: OpenApiStore; clock: Clock }): Route[] {
  return [
    {
      method: 'POST',
      path: '/_emulator/openapi/subscribe',
      handle: (_req, res, _url, body) =>
        answerControl(res, () => {
          const b = parseJsonObject(body);
          const openid = requireString(b, 'openid');
          const ids = b.templateIds;
          if (!Array.isArray(ids) || ids.length === 0 || !ids.every((t): t is string => typeof t === 'string' && t !== '')) {
            throw new ControlError(400, 'INVALID_PARAM', 'templateIds must be a non-empty array of template ids');
          }
          const count = optionalInt(b, 'count', 1, 1000) ?? 1;
          const now = deps.clock.now();
          const credits = deps.store.atomically(() => [...new Set(ids)].map((t) => deps.store.grantCredits(openid, t, count, now)));
          return { credits };
        }),
    },
    {
      method: 'GET',
      path: '/_emulator/openapi/subscriptions',
      handle: (_req, res, url) => answerControl(res, () => ({ credits: deps.store.credits(query(url, 'openid')) })),
    },
    {
      method: 'GET',
      path: '/_emulator/openapi/outbox',
      handle: (_req, res, url) =>
        answerControl(res, () => {
          const raw = url.searchParams.get('limit');
          const limit = raw === null ? 100 : Number(raw);
          if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ControlError(400, 'INVALID_PARAM', 'limit must be an integer from 1 to 1000');
          const messages = deps.store.outbox({ touser: query(url, 'touser'), templateId: query(url, 'templateId') }, limit);
          return { messages: messages.map((m) => ({ ...m, sentAtIso: new Date(m.sentAt).toISOString() })) };
        }),
    },
  ];
}
