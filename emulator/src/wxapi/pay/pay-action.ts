import { CloudBaseError } from '../../http/errors';
import type { ActionHandler, RawResponse } from '../../types';
import type { CallerIdentity } from '../options';
import { PayParamProblem, PayParams, type WxPayAnswer, returnFail } from './pay-params';
import type { PayOrders } from './pay-orders';
import type { PayRefunds } from './pay-refunds';

export interface PayActionDeps {
  orders: PayOrders;
  refunds: PayRefunds;
  resolveCaller(token: string): CallerIdentity | undefined;
  log(event: string, detail?: Record<string, unknown>): void;
}

type PayApi = (p: PayParams, caller: CallerIdentity | undefined) => WxPayAnswer;

/**
 * The `wx.wxPayApi` action (`cloud.cloudPay.<apiName>(...)`). `requestData` is the snake_case JSON
 * of the call's parameters; the answer is WeChat Pay's v2 answer as snake_case JSON, which the SDK
 * converts to camelCase and resolves with (adding `errCode: 0`, which overwrites WeChat's string
 * `err_code`: callers must read `resultCode` / `errCodeDes`).
 */
export function createPayAction(deps: PayActionDeps): ActionHandler {
  const apis: ReadonlyMap<string, PayApi> = new Map<string, PayApi>([
    ['unifiedOrder', (p, caller) => deps.orders.unifiedOrder(p, caller)],
    ['queryOrder', (p) => deps.orders.queryOrder(p)],
    ['closeOrder', (p) => deps.orders.closeOrder(p)],
    ['refund', (p) => deps.refunds.refund(p)],
    ['queryRefund', (p) => deps.refunds.queryRefund(p)],
  ]);
  return (req) => {
    const apiName = String(req.params.apiName ?? '');
    const api = apis.get(apiName);
    if (!api) {
      throw new CloudBaseError('INVALID_PARAM', `cloudPay.${apiName} is not supported by the local CloudBase emulator (supported: ${[...apis.keys()].join(', ')})`);
    }
    const bytes = req.parts?.requestData ?? Buffer.from(String(req.params.requestData ?? ''), 'utf8');
    const token = typeof req.params.wxCloudApiToken === 'string' ? req.params.wxCloudApiToken : '';
    let answer: WxPayAnswer;
    try {
      answer = api(PayParams.parse(bytes), token ? deps.resolveCaller(token) : undefined);
    } catch (e) {
      if (!(e instanceof PayParamProblem)) throw e;
      answer = returnFail(e.message);
    }
    deps.log('cloudpay_call', { apiName, returnCode: answer.return_code, resultCode: answer.result_code, errCode: answer.err_code });
    return jsonBody(answer);
  };
}

function jsonBody(answer: WxPayAnswer): RawResponse {
  const body = Buffer.from(JSON.stringify(answer), 'utf8');
  // The SDK reads this answer as a Buffer and JSON-parses it itself. With the exact content type
  // `application/json; charset=utf-8` it would be pre-parsed into an object, which the SDK rejects
  // as "unknown response": keep the type different.
  return { raw: true, status: 200, headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body };
}
