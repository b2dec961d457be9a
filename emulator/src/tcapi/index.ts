/**
 * A local stand-in for the Tencent Cloud API (tcb, scf) that `@cloudbase/manager-node` deploys
 * with, so `npm run deploy` and `npm run doctor` run end to end against the emulator.
 *
 * manager-node sends every request to `https://<service>.tencentcloudapi.com` and honours an HTTPS
 * proxy (`http_proxy`, or its `proxy` option). The emulator's HTTP port is that proxy: it answers
 * `CONNECT <service>.tencentcloudapi.com:443`, terminates TLS with a certificate from its own local
 * CA (made with openssl in `<data>/tcapi/tls`), and serves the API actions in ./actions.ts. A client
 * trusts the CA only when started with `NODE_EXTRA_CA_CERTS=<data>/tcapi/tls/ca.pem`
 * (`GET /_emulator/tcapi` names the file). Other CONNECT targets are refused: nothing is forwarded
 * to the internet.
 */
import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import tls from 'node:tls';
import { sendJson } from '../http/server';
import type { Route } from '../types';
import { type ServiceActions, type TcApiDeps, TcApiError, TcApiState } from './actions';
import { ensureTls, TCAPI_HOSTS, type TlsFiles } from './tls';

export { deployedFunctionsDir } from './actions';

export interface TcApiRequest {
  service: string;
  action: string;
  at: number;
  ok: boolean;
}

/** Actions that change something (tests check a re-deploy sends none). */
export const MUTATING_ACTIONS = new Set(['CreateTable', 'UpdateTable', 'ModifyResourcePermission', 'ModifyStorageSafeRule', 'CreateFunction', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'BatchCreateTrigger', 'DeleteTrigger']);

export class TcApi {
  readonly state: TcApiState;
  readonly requests: TcApiRequest[] = [];
  private tlsFiles?: TlsFiles;
  private readonly services: Record<string, ServiceActions>;
  private readonly inner: http.Server;

  constructor(private readonly d: TcApiDeps) {
    this.state = new TcApiState(d);
    this.services = { tcb: this.state.tcb(), scf: this.state.scf() };
    this.inner = http.createServer((req, res) => void this.handle(req, res));
  }

  tls(): TlsFiles {
    this.tlsFiles ??= ensureTls(path.join(this.d.dataDir, 'tcapi', 'tls'));
    return this.tlsFiles;
  }

  /** The outer server's `connect` listener: the HTTPS proxy leg. */
  readonly onConnect = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const [host, port] = String(req.url ?? '').split(':');
    if (!TCAPI_HOSTS.includes(host) || port !== '443') {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    let files: TlsFiles;
    try {
      files = this.tls();
    } catch {
      socket.end('HTTP/1.1 500 TLS set-up failed (is openssl installed?)\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const secure = new tls.TLSSocket(socket, { isServer: true, key: files.key, cert: files.cert });
    secure.on('error', () => socket.destroy());
    this.inner.emit('connection', secure);
  };

  private async handle(req: IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const service = String(req.headers.host ?? '').split('.')[0];
    const action = String(req.headers['x-tc-action'] ?? '');
    const requestId = `tcapi-${Math.random().toString(16).slice(2, 10)}`;
    const entry: TcApiRequest = { service, action, at: Date.now(), ok: false };
    this.requests.push(entry);
    try {
      const handler = this.services[service]?.[action];
      if (!handler) throw new TcApiError('UnsupportedOperation', `${service}.${action} is not emulated by the CloudMall stand-in`);
      const params = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      const result = (await handler(params)) as Record<string, unknown>;
      entry.ok = true;
      sendJson(res, 200, { Response: { ...result, RequestId: requestId } });
    } catch (e) {
      const code = e instanceof TcApiError ? e.code : 'InternalError';
      sendJson(res, 200, { Response: { Error: { Code: code, Message: (e as Error).message }, RequestId: requestId } });
    }
  }

  routes(): Route[] {
    return [
      {
        method: 'GET',
        path: '/_emulator/tcapi',
        handle: (_req, res) => sendJson(res, 200, { caFile: this.tls().caFile, hosts: TCAPI_HOSTS, requests: this.requests, state: this.state.state }),
      },
    ];
  }
}
