import type { SecCheckWord } from './openapi/sec-check-words';

/** Who the caller of `cloudPay.*` / `openapi.*` is, as resolved from the request's `wxCloudApiToken`. */
export interface CallerIdentity {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** The cloud function whose invocation made the call (its config.json permissions apply). */
  function?: string;
}

/**
 * Settings of the `wx.wxPayApi` / `wx.openApi` emulation. Every field has a default; most can also be
 * set with an environment variable (named next to each field) so a running emulator can be tuned
 * without code.
 */
export interface WxApiOptions {
  /** Mini-program appid reported as `appid` / `sub_appid` in pay results and events (`EMULATOR_APPID`). */
  appid: string;
  /** Merchant id of the cloudPay service provider, reported as `mch_id` (`EMULATOR_PAY_MCH_ID`). */
  mchId: string;
  /** Key the emulator signs `payment.paySign` with (MD5, WeChat Pay v2 rules) (`EMULATOR_PAY_KEY`). */
  payKey: string;
  /** First retry delay of a failed payment/refund callback; doubles each attempt (`EMULATOR_PAY_RETRY_BASE_MS`). */
  retryBaseMs: number;
  /** Upper bound of the retry delay (`EMULATOR_PAY_RETRY_MAX_MS`). */
  retryMaxDelayMs: number;
  /** Deliveries tried before a notification is given up (WeChat keeps trying for two days) (`EMULATOR_PAY_MAX_ATTEMPTS`). */
  maxAttempts: number;
  /** When false, refunds stay PROCESSING until `POST /_emulator/pay/refunds/settle` (`EMULATOR_PAY_REFUND_SETTLE=manual`). */
  autoSettleRefunds: boolean;
  /** Delay before an accepted refund settles as SUCCESS (`EMULATOR_PAY_REFUND_DELAY_MS`). */
  refundSettleDelayMs: number;
  /**
   * What the payment callback's `openid` holds. In production cloudPay is a service-provider payment:
   * `subOpenid` is the payer's mini-program openid and `openid` the payer's id under the provider's
   * appid, a different string. `service-provider` (default) reproduces that, so code reading
   * `event.openid` fails locally as it would in production; `payer` puts the payer's openid in both
   * (`EMULATOR_PAY_CALLBACK_OPENID`).
   */
  callbackOpenid: 'service-provider' | 'payer';
  /**
   * `none` (default, like WeChat): `subscribeMessage.send` needs a credit granted through
   * `POST /_emulator/openapi/subscribe`. `granted`: every user accepts every template, unlimited
   * (`EMULATOR_SUBSCRIBE_DEFAULT=granted`).
   */
  subscribeDefault: 'none' | 'granted';
  /** Extra words for `security.msgSecCheck`, added to the built-in list (`EMULATOR_SEC_CHECK_WORDS`: path of a JSON file). */
  secCheckWords: SecCheckWord[];
  /** Maps a request's `wxCloudApiToken` to the calling user; defaults to `decodeCallerToken`. */
  resolveCaller(token: string): CallerIdentity | undefined;
}

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, env: NodeJS.ProcessEnv): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

/** Fills unset options from the environment, then from defaults. Explicit options win. */
export function resolveWxApiOptions(
  given: Partial<WxApiOptions>,
  env: NodeJS.ProcessEnv,
  defaults: { resolveCaller(token: string): CallerIdentity | undefined; loadWords(path: string): SecCheckWord[] },
): WxApiOptions {
  const wordsFile = env.EMULATOR_SEC_CHECK_WORDS;
  return {
    appid: given.appid ?? (env.EMULATOR_APPID || 'wx0000000000000000'),
    mchId: given.mchId ?? (env.EMULATOR_PAY_MCH_ID || '1800000001'),
    payKey: given.payKey ?? (env.EMULATOR_PAY_KEY || 'local-emulator-pay-key-000000000'),
    retryBaseMs: given.retryBaseMs ?? intFromEnv('EMULATOR_PAY_RETRY_BASE_MS', 50, env),
    retryMaxDelayMs: given.retryMaxDelayMs ?? intFromEnv('EMULATOR_PAY_RETRY_MAX_MS', 2000, env),
    maxAttempts: Math.max(1, given.maxAttempts ?? intFromEnv('EMULATOR_PAY_MAX_ATTEMPTS', 8, env)),
    autoSettleRefunds: given.autoSettleRefunds ?? oneOf('EMULATOR_PAY_REFUND_SETTLE', ['auto', 'manual'], 'auto', env) === 'auto',
    refundSettleDelayMs: given.refundSettleDelayMs ?? intFromEnv('EMULATOR_PAY_REFUND_DELAY_MS', 0, env),
    callbackOpenid: given.callbackOpenid ?? oneOf('EMULATOR_PAY_CALLBACK_OPENID', ['service-provider', 'payer'], 'service-provider', env),
    subscribeDefault: given.subscribeDefault ?? oneOf('EMULATOR_SUBSCRIBE_DEFAULT', ['none', 'granted'], 'none', env),
    secCheckWords: [...(given.secCheckWords ?? []), ...(wordsFile ? defaults.loadWords(wordsFile) : [])],
    resolveCaller: given.resolveCaller ?? defaults.resolveCaller,
  };
}
