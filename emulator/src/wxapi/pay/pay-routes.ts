import type { Route } from '../../types';
import { ControlError, answerControl, optionalBool, optionalInt, optionalString, parseJsonObject, requireString } from '../control-http';
import { type Refusal, isRefusal } from './pay-context';
import type { NotificationStore, PayNotification } from './notification-store';
import type { PayNotifier } from './pay-notifier';
import type { PayOrders } from './pay-orders';
import type { PayRefunds } from './pay-refunds';
import type { PayStore } from './pay-store';
import { isRefundOutcome } from './trade-state';

export interface PayRouteDeps {
  orders: PayOrders;
  refunds: PayRefunds;
  store: PayStore;
  notifications: NotificationStore;
  notifier: PayNotifier;
}

const MAX_DUPLICATES = 20;
const MAX_DELAY_MS = 60_000;

function orThrow<T>(v: T | Refusal): T {
  if (isRefusal(v)) throw new ControlError(v.status, v.code, v.message);
  return v;
}

function limitOf(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return 100;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new ControlError(400, 'INVALID_PARAM', 'limit must be an integer from 1 to 1000');
  return n;
}

const query = (url: URL, key: string): string | undefined => url.searchParams.get(key) || undefined;

/**
 * Control API of the payment emulation (see docs/wxapi.md): the shopper paying, the bank settling
 * refunds, and read access to orders, refunds and callback deliveries.
 */
export function payRoutes(deps: PayRouteDeps): Route[] {
  const settledView = async (id: number | undefined, wait: boolean): Promise<Record<string, unknown>> => {
    if (id === undefined || !wait) return {};
    const n: PayNotification = await deps.notifier.settled(id);
    return { notification: { id: n.id, state: n.state, attempts: n.attempts, duplicatesSent: n.duplicatesSent }, deliveries: deps.notifications.deliveries({ notificationId: id }, 1000) };
  };
  return [
    {
      method: 'POST',
      path: '/_emulator/pay/simulate',
      handle: (_req, res, _url, body) =>
        answerControl(res, async () => {
          const b = parseJsonObject(body);
          const paid = orThrow(
            deps.orders.pay({
              outTradeNo: requireString(b, 'outTradeNo'),
              subMchId: optionalString(b, 'subMchId'),
              openid: optionalString(b, 'openid'),
              cancel: optionalBool(b, 'fail') ?? false,
              duplicates: optionalInt(b, 'duplicates', 0, MAX_DUPLICATES) ?? 0,
              parallel: optionalBool(b, 'parallel') ?? false,
              delayMs: optionalInt(b, 'delayMs', 0, MAX_DELAY_MS) ?? 0,
            }),
          );
          return { ...paid, ...(await settledView(paid.notificationId, optionalBool(b, 'wait') ?? false)) };
        }),
    },
    {
      method: 'POST',
      path: '/_emulator/pay/refunds/settle',
      handle: (_req, res, _url, body) =>
        answerControl(res, async () => {
          const b = parseJsonObject(body);
          const status = b.status ?? 'SUCCESS';
          if (!isRefundOutcome(status)) throw new ControlError(400, 'INVALID_PARAM', 'status must be SUCCESS, CHANGE or REFUNDCLOSE');
          const settled = orThrow(
            deps.refunds.settle({
              outRefundNo: requireString(b, 'outRefundNo'),
              subMchId: optionalString(b, 'subMchId'),
              status,
              duplicates: optionalInt(b, 'duplicates', 0, MAX_DUPLICATES) ?? 0,
              delayMs: optionalInt(b, 'delayMs', 0, MAX_DELAY_MS) ?? 0,
            }),
          );
          return { ...settled, ...(await settledView(settled.notificationId, optionalBool(b, 'wait') ?? false)) };
        }),
    },
    {
      method: 'GET',
      path: '/_emulator/pay/orders',
      handle: (_req, res, url) => answerControl(res, () => ({ orders: deps.store.listOrders({ outTradeNo: query(url, 'outTradeNo'), state: query(url, 'state') }, limitOf(url)) })),
    },
    {
      method: 'GET',
      path: '/_emulator/pay/refunds',
      handle: (_req, res, url) => answerControl(res, () => ({ refunds: deps.store.listRefunds({ outTradeNo: query(url, 'outTradeNo') }, limitOf(url)) })),
    },
    {
      method: 'GET',
      path: '/_emulator/pay/deliveries',
      handle: (_req, res, url) =>
        answerControl(res, () => {
          const filter = { outTradeNo: query(url, 'outTradeNo'), outRefundNo: query(url, 'outRefundNo'), kind: query(url, 'kind') };
          if (filter.kind !== undefined && filter.kind !== 'payment' && filter.kind !== 'refund') throw new ControlError(400, 'INVALID_PARAM', 'kind must be payment or refund');
          const limit = limitOf(url);
          return { notifications: deps.notifications.list(filter, limit), deliveries: deps.notifications.deliveries(filter, limit) };
        }),
    },
  ];
}
