import type { EmulatorModule, ModuleContext } from '../types';
import { decodeCallerToken } from './caller-token';
import { createOpenApiAction } from './openapi/openapi-action';
import { openApiRoutes } from './openapi/openapi-routes';
import { OpenApiStore } from './openapi/openapi-store';
import { BUILT_IN_WORDS, loadSecCheckWordsFile } from './openapi/sec-check-words';
import { type WxApiOptions, resolveWxApiOptions } from './options';
import { NotificationStore } from './pay/notification-store';
import { createPayAction } from './pay/pay-action';
import type { PayContext } from './pay/pay-context';
import { PayNotifier } from './pay/pay-notifier';
import { PayOrders } from './pay/pay-orders';
import { PayRefunds } from './pay/pay-refunds';
import { payRoutes } from './pay/pay-routes';
import { PayStore } from './pay/pay-store';

export { decodeCallerToken, encodeCallerToken } from './caller-token';
export type { CallerIdentity, WxApiOptions } from './options';

/**
 * The `wx.wxPayApi` (cloudPay) and `wx.openApi` (openapi) actions of the emulator, with their control
 * routes under `/_emulator/pay/` and `/_emulator/openapi/`. State lives in `ctx.sqlite` (tables
 * `pay_*`, `openapi_*`); unfinished callback deliveries and refunds resume when the module starts.
 */
export function createWxApiModule(ctx: ModuleContext, given: Partial<WxApiOptions> = {}): EmulatorModule {
  const options = resolveWxApiOptions(given, process.env, { resolveCaller: decodeCallerToken, loadWords: loadSecCheckWordsFile });
  const words = [...BUILT_IN_WORDS, ...options.secCheckWords];

  const store = new PayStore(ctx.sqlite);
  const notifications = new NotificationStore(ctx.sqlite);
  const notifier = new PayNotifier({
    store: notifications,
    functions: ctx.functions,
    clock: ctx.clock,
    appid: options.appid,
    retryBaseMs: options.retryBaseMs,
    retryMaxDelayMs: options.retryMaxDelayMs,
    maxAttempts: options.maxAttempts,
    log: ctx.log,
  });
  const payCtx: PayContext = { store, notifier, clock: ctx.clock, options, env: ctx.env, log: ctx.log };
  const orders = new PayOrders(payCtx);
  const refunds = new PayRefunds(payCtx, orders);

  const openapiStore = new OpenApiStore(ctx.sqlite);

  const resumed = notifier.resume();
  refunds.resume();
  if (resumed > 0) ctx.log('pay_notify_resumed', { count: resumed });

  return {
    name: 'wxapi',
    actions: {
      'wx.wxPayApi': createPayAction({ orders, refunds, resolveCaller: options.resolveCaller, log: ctx.log }),
      'wx.openApi': createOpenApiAction({
        store: openapiStore,
        clock: ctx.clock,
        subscribeDefault: options.subscribeDefault,
        words: () => words,
        resolveCaller: options.resolveCaller,
        permissionsOf: (fn) => ctx.functions.openApiPermissions?.(fn),
        log: ctx.log,
      }),
    },
    routes: [...payRoutes({ orders, refunds, store, notifications, notifier }), ...openApiRoutes({ store: openapiStore, clock: ctx.clock })],
    close() {
      notifier.close();
      refunds.close();
    },
  };
}
