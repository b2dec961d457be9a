import { CloudBaseError } from '../../http/errors';
import type { ActionHandler, RawResponse } from '../../types';
import { msgSecCheck } from './msg-sec-check';
import { API_TYPE, OpenApiDecodeError, decodeOpenApiRequest, encodeOpenApiJson } from './openapi-protocol';
import type { SecCheckWord } from './sec-check-words';
import { type SubscribeDeps, sendSubscribeMessage } from './subscribe-message';
import { type WxAnswer, wxError } from './wx-answer';

/**
 * WeChat's code for "API not found" (`WX_FUNCTIONS_SERVER_OPENAPI_NOT_FOUND` in the SDK). An
 * unsupported API is answered with it as a WeChat error, which the SDK throws as
 * `{errCode: -604100, errMsg: 'openapi.<api>:fail ... not supported by the emulator ...'}`.
 */
export const API_NOT_FOUND = -604100;

export interface OpenApiDeps extends SubscribeDeps {
  words(): readonly SecCheckWord[];
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
