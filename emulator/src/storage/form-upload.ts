import type { IncomingHttpHeaders } from 'node:http';
import busboy from 'busboy';

/** A COS "POST Object" form: text fields (`key`, `Signature`, ...) and the file part. */
export interface UploadForm {
  fields: Record<string, string>;
  file?: { data: Buffer; filename: string; mimeType: string };
}

/** Parses a buffered `multipart/form-data` body; rejects when it is not one. */
export function parseUploadForm(headers: IncomingHttpHeaders, body: Buffer): Promise<UploadForm> {
  return new Promise((resolve, reject) => {
    // keyed by the sender's field names: no prototype, so `__proto__` is a field like any other
    const form: UploadForm = { fields: Object.create(null) };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { files: 1 } });
    } catch (e) {
      reject(e);
      return;
    }
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        form.file = { data: Buffer.concat(chunks), filename: info.filename ?? '', mimeType: info.mimeType };
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(form));
    parser.end(body);
  });
}
