import { bucketFor } from '../../src/storage';
import { ENV, type StorageHarness, callAdmin, startStorageServer } from './helpers/storage-server';

/**
 * The mini-program and web SDKs upload with COS's "POST Object" form instead of a PUT:
 * `getUploadMetadata` without `method`, then a multipart POST of key, signature, token, file id
 * and the file to the returned URL.
 */
let h: StorageHarness;
const BUCKET = bucketFor(ENV);

beforeAll(async () => {
  h = await startStorageServer({ uploaderOf: (req) => (typeof req.params.openid === 'string' ? req.params.openid : null) });
});
afterAll(() => h.close());

async function grant(cloudPath: string, extra: Record<string, unknown> = {}) {
  const res = await callAdmin(h, { action: 'storage.getUploadMetadata', path: cloudPath, ...extra });
  return res.data as { url: string; token: string; authorization: string; cosFileId: string; fileId: string; download_url: string };
}

function form(g: Awaited<ReturnType<typeof grant>>, key: string, file: Blob | undefined, status = '201'): FormData {
  const f = new FormData();
  f.append('key', key);
  f.append('signature', g.authorization);
  f.append('x-cos-security-token', g.token);
  f.append('x-cos-meta-fileid', g.cosFileId);
  f.append('success_action_status', status);
  if (file) f.append('file', file, key.split('/').pop());
  return f;
}

it('stores the file part and answers 201 with a PostResponse', async () => {
  const g = await grant('avatars/u1.png', { openid: 'o-user-1' });
  const bytes = Buffer.from('png-bytes');
  const res = await fetch(g.url, { method: 'POST', body: form(g, 'avatars/u1.png', new Blob([bytes], { type: 'image/png' })) });
  expect(res.status).toBe(201);
  const xml = await res.text();
  expect(xml).toContain('<Key>avatars/u1.png</Key>');
  expect(xml).toContain(`<Bucket>${BUCKET}</Bucket>`);

  expect(g.download_url).toBe(`${h.baseUrl}/storage/${BUCKET}/avatars/u1.png`);
  const got = await fetch(g.download_url);
  expect(got.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
  expect(h.service.files.get(g.fileId)?.uploadedBy).toBe('o-user-1');
});

it('answers 204 by default and keeps a declared content type', async () => {
  const g = await grant('uploads/blob.bin');
  const res = await fetch(g.url, { method: 'POST', body: form(g, 'uploads/blob.bin', new Blob(['webp'], { type: 'image/webp' }), '') });
  expect(res.status).toBe(204);
  expect(h.service.files.get(g.fileId)).toMatchObject({ contentType: 'image/webp', uploadedBy: null });
});

it('refuses a key other than the granted one', async () => {
  const g = await grant('uploads/granted.txt');
  const other = await grant('uploads/other.txt');
  const res = await fetch(other.url, { method: 'POST', body: form(g, 'uploads/other.txt', new Blob(['x'])) });
  expect(res.status).toBe(403);
  expect(h.service.files.get(other.fileId)).toBeUndefined();
});

it('refuses a form without a file, and a body that is not a form', async () => {
  const g = await grant('uploads/nofile.txt');
  const noFile = await fetch(g.url, { method: 'POST', body: form(g, 'uploads/nofile.txt', undefined) });
  expect(noFile.status).toBe(400);
  const notForm = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
  expect(notForm.status).toBe(400);
  expect(await notForm.text()).toContain('MalformedPOSTRequest');
  expect(h.service.files.get(g.fileId)).toBeUndefined();
});
