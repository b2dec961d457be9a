import { Root, type Type } from 'protobufjs';

/**
 * The protobuf messages of `wx.openApi`, transcribed from the definitions compiled into
 * wx-server-sdk 4.0.2 (`src/protobuf/openapi.js` in its bundle). The request's `requestData` part is
 * a `CommApiData`; the answer body is a `CommOpenApiResp` whose `respData` holds WeChat's JSON
 * answer. `test/wxapi/fixtures` pins the request bytes the SDK sends.
 */
const root = Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    SvrkitApiData: { fields: { apiName: { type: 'string', id: 1 }, reqData: { type: 'bytes', id: 2 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        svrkitData: { type: 'SvrkitApiData', id: 4 },
        appid: { type: 'string', id: 6 },
      },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});

const CommApiData: Type = root.lookupType('CommApiData');
const CommOpenApiResp: Type = root.lookupType('CommOpenApiResp');

/** `CommApiData.ApiType`: `openapi.*` calls are OPEN_API; SVRKIT_API carries cloudID / internal calls. */
export const API_TYPE = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

export interface OpenApiRequest {
  apiType: number;
  appid: string;
  /** Parameters by snake_case name, each the JSON the SDK serialised (media parameters as raw bytes). */
  params: Record<string, unknown>;
  /** Media parameters (`{contentType, value: Buffer}` in the SDK call) keep their bytes and type. */
  media: Record<string, { contentType: string; filename: string; value: Buffer }>;
}

interface DecodedPair {
  key?: string;
  value?: Uint8Array;
  contenttype?: string;
  filename?: string;
}

export class OpenApiDecodeError extends Error {
  override name = 'OpenApiDecodeError';
}

/** Decodes the `requestData` part of a `wx.openApi` request. */
export function decodeOpenApiRequest(bytes: Buffer): OpenApiRequest {
  let msg: { apiType?: number; appid?: string; openapiData?: { pairs?: DecodedPair[] } };
  try {
    msg = CommApiData.toObject(CommApiData.decode(bytes), { defaults: false }) as typeof msg;
  } catch (e) {
    throw new OpenApiDecodeError(`requestData is not a CommApiData protobuf message: ${(e as Error).message}`);
  }
  // keyed by the caller's parameter names: no prototype, so `__proto__` is a name like any other
  const params: Record<string, unknown> = Object.create(null);
  const media: OpenApiRequest['media'] = Object.create(null);
  for (const pair of msg.openapiData?.pairs ?? []) {
    if (!pair.key) continue;
    const value = Buffer.from(pair.value ?? new Uint8Array());
    if (pair.contenttype) {
      media[pair.key] = { contentType: pair.contenttype, filename: pair.filename ?? '', value };
      continue;
    }
    try {
      params[pair.key] = JSON.parse(value.toString('utf8')) as unknown;
    } catch {
      throw new OpenApiDecodeError(`parameter ${pair.key} is not JSON`);
    }
  }
  return { apiType: msg.apiType ?? API_TYPE.OPEN_API, appid: msg.appid ?? '', params, media };
}

/** Encodes WeChat's JSON answer the way CloudBase wraps it for the SDK. */
export function encodeOpenApiJson(answer: Record<string, unknown>): Buffer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(answer), 'utf8'),
    contentType: 'application/json; charset=utf-8',
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/**
 * A CloudBase-level refusal (no permission, API not found ...): no WeChat answer, only
 * `errorCode`, which the SDK throws as `{errCode, errMsg: 'system error: error code: <code>'}`.
 */
export function encodeOpenApiError(errorCode: number): Buffer {
  const message = CommOpenApiResp.create({ errorCode, httpCode: 200 });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}

/** Decodes an answer body (used by tests to read what the emulator sent). */
export function decodeOpenApiResponse(bytes: Buffer): { respData: Buffer; contentType: string; errorCode: number; httpCode: number } {
  const o = CommOpenApiResp.toObject(CommOpenApiResp.decode(bytes), { defaults: true }) as { respData: Uint8Array; contentType: string; errorCode: number; httpCode: number };
  return { respData: Buffer.from(o.respData), contentType: o.contentType, errorCode: o.errorCode, httpCode: o.httpCode };
}
