/**
 * The part of `fetch` that test/support/mall.ts and scripts/lib/deploy-local.ts use (method,
 * headers, a string body; `ok`, `status`, `json()`, `text()`), over Node's http module: jest's
 * jsdom environment has no `fetch`, and the page tests against the real functions need those
 * helpers to seed and deploy.
 */
import http from 'http';

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface FetchResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export function nodeFetch(url: string, init: FetchInit = {}): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    const body = init.body ?? '';
    const request = http.request(url, { method: init.method ?? 'GET', headers: { ...init.headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, text: async () => text, json: async () => JSON.parse(text) as unknown });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Installs {@link nodeFetch} as the global `fetch` where the environment has none. */
export function ensureFetch(): void {
  const scope = globalThis as { fetch?: unknown };
  if (typeof scope.fetch !== 'function') scope.fetch = nodeFetch;
}
