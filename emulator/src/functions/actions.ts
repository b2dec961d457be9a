import type { IncomingMessage } from 'node:http';
import { CloudBaseError } from '../http/errors';
import { corsHeaders, requestId, sendJson } from '../http/server';
import type { ActionHandler, InvokeResult, Route } from '../types';
import { calleeSource } from './parity';
import type { FunctionRuntime } from './runtime';

/** Largest event CloudBase accepts for one invocation. */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;

function failureMessage(name: string, r: InvokeResult): string {
  const e = r.error!;
  if (e.timeout) return `${e.message} (function ${name})`;
  return `Error: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
}

/** `functions.invokeFunction`: `cloud.callFunction` from inside another function or a server. */
export function functionActions(runtime: FunctionRuntime): Record<string, ActionHandler> {
  return {
    'functions.invokeFunction': async (req) => {
      const name = req.params.function_name;
      if (typeof name !== 'string' || !name) throw new CloudBaseError('INVALID_PARAM', 'function_name is required');
      if (!runtime.has(name)) throw new CloudBaseError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] function ${name} not found`);
      const raw = req.params.request_data;
      if (typeof raw === 'string' && Buffer.byteLength(raw) > MAX_EVENT_BYTES) throw new CloudBaseError('INVALID_PARAM', 'event is over 6 MB');
      let event: unknown = {};
      try {
        event = typeof raw === 'string' && raw ? JSON.parse(raw) : (raw ?? {});
      } catch {
        throw new CloudBaseError('INVALID_PARAM', 'request_data is not valid JSON');
      }
      // the callee's SOURCE is the caller's chain plus `scf` (`wx_client,scf`), as the SDK reports it
      const r = await runtime.invoke(name, event, { source: calleeSource(req.headers?.['x-tcb-source']) });
      if (r.error) throw new CloudBaseError('FUNCTIONS_EXECUTE_FAIL', failureMessage(name, r));
      return { data: { response_data: r.result === undefined ? '' : JSON.stringify(r.result) } };
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * The client gateway: what `wx.cloud.callFunction` does for a signed-in mini-program user.
 * `POST /gateway/functions/<name>` with the event as JSON and the dev identity in `x-wx-openid`.
 * Answers like `wx.cloud.callFunction` resolves: `{result, requestID, errMsg}`, or `{errCode, errMsg}`.
 */
export function gatewayRoute(runtime: FunctionRuntime, appidDefault: string): Route {
  return {
    method: 'POST',
    path: '/gateway/functions/*',
    async handle(req, res, url, body) {
      const name = decodeURIComponent(url.pathname.slice('/gateway/functions/'.length));
      const rid = requestId();
      const cors = corsHeaders();
      const reply = (value: unknown) => {
        for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
        sendJson(res, 200, value);
      };
      const openid = header(req, 'x-wx-openid');
      if (!openid) return reply({ errCode: -501007, errMsg: 'cloud.callFunction:fail -501007 invalid parameters. x-wx-openid header (the dev identity) is required' });
      if (!runtime.has(name)) return reply({ errCode: -501000, errMsg: `cloud.callFunction:fail -501000 [ResourceNotFound.Function] function ${name} not found` });
      if (body.length > MAX_EVENT_BYTES) return reply({ errCode: -501007, errMsg: 'cloud.callFunction:fail -501007 event is over 6 MB' });
      let event: Record<string, unknown>;
      try {
        const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        event = parsed as Record<string, unknown>;
      } catch {
        return reply({ errCode: -501007, errMsg: 'cloud.callFunction:fail -501007 invalid parameters. the body must be a JSON object' });
      }
      const appid = header(req, 'x-wx-appid') ?? appidDefault;
      const unionid = header(req, 'x-wx-unionid');
      // CloudBase adds the caller to the event of a client call.
      event.userInfo = { appId: appid, openId: openid };
      const r = await runtime.invoke(name, event, { source: 'wx_client', openid, appid, unionid, clientIp: req.socket.remoteAddress ?? '127.0.0.1' });
      if (r.error) return reply({ errCode: -504002, errMsg: `cloud.callFunction:fail -504002 functions execute fail. ${failureMessage(name, r)}`, requestID: rid });
      reply({ result: r.result, requestID: rid, errMsg: 'cloud.callFunction:ok' });
    },
  };
}
