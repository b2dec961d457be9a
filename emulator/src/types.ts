import type { IncomingMessage, ServerResponse } from 'node:http';
import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from './clock';

/** One CloudBase action request, after the body was parsed (JSON, or multipart fields). */
export interface ActionRequest {
  /** The `action` field, e.g. `database.getDocument` or `wx.wxPayApi`. */
  action: string;
  /** JSON body fields; for multipart bodies every text field as a string. */
  params: Record<string, any>;
  /** Multipart bodies only: every field as raw bytes (protobuf fields are binary). */
  parts?: Record<string, Buffer>;
  /** `env` query parameter of the request URL. */
  env: string;
  requestId: string;
  /** The HTTP request's headers (`x-tcb-source` carries the caller's SOURCE chain). */
  headers?: IncomingMessage['headers'];
}

/**
 * What an action handler returns: the fields of the response body besides `requestId`
 * (e.g. `{data: {...}}`). To answer an error, throw a `CloudBaseError`.
 * A handler may instead return a `RawResponse` to answer with a custom body.
 */
export type ActionResult = Record<string, unknown> | RawResponse;

export interface RawResponse {
  raw: true;
  status?: number;
  headers?: Record<string, string>;
  body: Buffer | string;
}

export type ActionHandler = (req: ActionRequest) => Promise<ActionResult> | ActionResult;

/** An extra HTTP route (storage downloads, the control API under /_emulator/...). */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, or a prefix when it ends with `*`. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> | void;
}

/** Who is calling a cloud function, and how (becomes `cloud.getWXContext()` inside it). */
export interface InvocationContext {
  /** `wx_client`, `wx_trigger` (timer), `wx_paycallback`, `scf` (another function), `wx_http` ... */
  source: string;
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
}

export interface InvokeResult {
  /** What the function returned (undefined when it threw). */
  result?: unknown;
  /** Set when the function threw or timed out. */
  error?: { message: string; stack?: string; timeout?: boolean };
  durationMs: number;
}

/** Runs deployed cloud functions. */
export interface FunctionInvoker {
  invoke(name: string, event: unknown, ctx: InvocationContext): Promise<InvokeResult>;
  has(name: string): boolean;
  /** The `permissions.openapi` a deployed function declares in its config.json; undefined if unknown. */
  openApiPermissions?(name: string): readonly string[] | undefined;
}

/** What the emulator hands to each of its modules (database, functions, pay, openapi, storage). */
export interface ModuleContext {
  env: string;
  /** The emulator's own durable store; modules keep their state in tables they create (prefix them). */
  sqlite: BetterSqlite3.Database;
  clock: Clock;
  dataDir: string;
  /** Base URL of the emulator, e.g. `http://127.0.0.1:9000` (no trailing slash). */
  baseUrl(): string;
  functions: FunctionInvoker;
  log(event: string, detail?: Record<string, unknown>): void;
}

export interface EmulatorModule {
  name: string;
  actions?: Record<string, ActionHandler>;
  routes?: Route[];
  /** Called on shutdown (stop timers, flush). */
  close?(): Promise<void> | void;
}
