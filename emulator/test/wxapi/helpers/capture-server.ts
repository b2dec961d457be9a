import http from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

/** One multipart field exactly as the SDK sent it. */
export interface CapturedPart {
  name: string;
  /** The part's own Content-Type header (the SDK marks binary parts application/octet-stream), or null. */
  contentType: string | null;
  base64: string;
}

/** One request the SDK made, reduced to what the emulator depends on. */
export interface CapturedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  bodyType: string;
  parts: CapturedPart[];
}

/**
 * A bare HTTP server that records what wx-server-sdk sends and answers every request with a
 * CloudBase error (the tests only look at the requests).
 */
export async function startCaptureServer(): Promise<{ url: string; requests: CapturedRequest[]; close(): Promise<void> }> {
  const requests: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts: CapturedPart[] = [];
    const bb = busboy({ headers: req.headers });
    // Both events keep the raw bytes: text fields are decoded as latin1 and re-encoded losslessly.
    bb.on('field', (name, value, info) => parts.push({ name, contentType: info.mimeType === 'text/plain' ? null : info.mimeType, base64: Buffer.from(value, 'latin1').toString('base64') }));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      const entry: CapturedPart = { name, contentType: info.mimeType, base64: '' };
      parts.push(entry);
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        entry.base64 = Buffer.concat(chunks).toString('base64');
      });
    });
    bb.on('close', () => {
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        bodyType: String(req.headers['content-type'] ?? '').split(';')[0]!,
        parts,
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: 'SYS_ERR', message: 'captured' }));
    });
    req.pipe(bb);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
