import { CloudBaseError } from '../../http/errors';
import type { ActionHandler, RawResponse } from '../../types';
import { msgSecCheck } from './msg-sec-check';
import { API_TYPE, OpenApiDecodeError, decodeOpenApiRequest, encodeOpenApiError, encodeOpenApiJson } from './openapi-protocol';
import type { SecCheckWord } from './sec-check-words';
import { type SubscribeDeps, sendSubscribeMessage } from './subscribe-message';
import { type WxAnswer, wxError } from './wx-answer';
import type { CallerIdentity } from '../options';

/**
 * WeChat's code for "API not found" (`WX_FUNCTIONS_SERVER_OPENAPI_NOT_FOUND` in the SDK). An
 * unsupported API is answered with it as a WeChat error, which the SDK throws as
 * `{errCode: -604100, errMsg: 'openapi.<api>:fail ... not supported by the emulator ...'}`.
 */
export const API_NOT_FOUND = -604100;

/**
 * `WX_FUNCTIONS_SERVER_OPENAPI_NO_PERMISSION`: the calling function did not declare the API in its
 * config.json `permissions.openapi` (production registers them when DevTools uploads the function).
 * CloudBase answers it in `CommOpenApiResp.errorCode`, which the SDK throws as
 * `{errCode: -604101, errMsg: 'system error: error code: -604101'}`.
 */
export const NO_PERMISSION = -604101;

export interface OpenApiDeps extends SubscribeDeps {
  words(): readonly SecCheckWord[];
  /** Maps the request's `wxCloudApiToken` to the invocation that sent it (undefined outside a function). */
  resolveCaller?(token: string): CallerIdentity | undefined;
  /** The `permissions.openapi` a function declares; undefined for a function the emulator does not run. */
  permissionsOf?(fn: string): readonly string[] | undefined;
}

type OpenApiHandler = (params: Record<string, unknown>, deps: OpenApiDeps) => WxAnswer;

const HANDLERS: ReadonlyMap<string, OpenApiHandler> = new Map<string, OpenApiHandler>([
  ['subscribeMessage.send', (params, deps) => sendSubscribeMessage(params, deps)],
  ['security.msgSecCheck', (params, deps) => msgSecCheck(params, deps.words())],
]);

export const SUPPORTED_OPENAPIS: readonly string[] = [...HANDLERS.keys()];

/**
 * The `wx.openApi` action. The request's `requestData` part is a protobuf `CommApiData`; the answer
 * is a protobuf `CommOpenApiResp` wrapping WeChat's JSON, sent as a raw body.
 */
export function createOpenApiAction(deps: OpenApiDeps): ActionHandler {
  return (req) => {
    const apiName = String(req.params.apiName ?? '');
    const bytes = req.parts?.requestData ?? (typeof req.params.requestData === 'string' ? Buffer.from(req.params.requestData, 'latin1') : undefined);
    if (!apiName) throw new CloudBaseError('INVALID_PARAM', 'apiName is required');
    if (!bytes) throw new CloudBaseError('INVALID_PARAM', 'requestData is required');
    let request;
    try {
      request = decodeOpenApiRequest(bytes);
    } catch (e) {
      if (e instanceof OpenApiDecodeError) throw new CloudBaseError('INVALID_PARAM', e.message);
      throw e;
    }
    // Like CloudBase, refuse an API the calling function did not declare. Calls from outside any
    // function (scripts, tests) carry no emulator token and are not checked.
    const token = typeof req.params.wxCloudApiToken === 'string' ? req.params.wxCloudApiToken : '';
    const fn = token ? deps.resolveCaller?.(token)?.function : undefined;
    const declared = fn ? deps.permissionsOf?.(fn) : undefined;
    if (fn && declared && !declared.includes(apiName)) {
      deps.log('openapi_refused', { apiName, function: fn, declared });
      return protobufBody(encodeOpenApiError(NO_PERMISSION));
    }
    const handler = HANDLERS.get(apiName);
    const answer =
      handler && request.apiType === API_TYPE.OPEN_API
        ? handler(request.params, deps)
        : wxError(API_NOT_FOUND, `openapi.${apiName} is not supported by the local CloudBase emulator (supported: ${SUPPORTED_OPENAPIS.join(', ')})`);
    deps.log('openapi_call', { apiName, errcode: answer.errcode });
    return protobufBody(encodeOpenApiJson(answer));
  };
}

function protobufBody(body: Buffer): RawResponse {
  // Not `application/json; charset=utf-8`: for that exact type the SDK would try to parse the body as JSON.
  return { raw: true, status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body };
}
