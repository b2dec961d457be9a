import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { MAX_FILES_PER_BATCH, bucketFor } from '../../src/storage';
import { type CloudStorageSdk, loadSdk, rejection } from './helpers/sdk';
import { ENV, type StorageHarness, callAdmin, startStorageServer } from './helpers/storage-server';

let h: StorageHarness;
let cloud: CloudStorageSdk;
const BUCKET = bucketFor(ENV);
const idOf = (p: string) => `cloud://${ENV}.${BUCKET}/${p}`;
const ids = (n: number) => Array.from({ length: n }, (_, i) => idOf(`many/${i}.txt`));

beforeAll(async () => {
  h = await startStorageServer();
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

/** A GET with the path sent byte for byte (fetch would normalise `..` away before sending). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.baseUrl}/`, { method: 'GET', path: rawPath }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('batch limits', () => {
  it('answers 50 files in one getTempFileURL and refuses 51 as INVALID_PARAM', async () => {
    expect(MAX_FILES_PER_BATCH).toBe(50);
    const ok = await cloud.getTempFileURL({ fileList: ids(50) });
    expect(ok.fileList).toHaveLength(50);
    const err = await rejection(cloud.getTempFileURL({ fileList: ids(51) }));
    expect(err.code).toBe('INVALID_PARAM');
    expect(err.message).toMatch(/^getTempFileURL:fail .*at most 50/);
  });

  it('deletes 50 files in one call and refuses 51 without deleting any', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'many/0.txt', fileContent: Buffer.from('0') });
    const err = await rejection(cloud.deleteFile({ fileList: ids(51) }));
    expect(err.code).toBe('INVALID_PARAM');
    expect(err.message).toMatch(/^deleteFile:fail .*at most 50/);
    expect(h.service.files.get(fileID)).toBeDefined();
    const ok = await cloud.deleteFile({ fileList: ids(50) });
    expect(ok.fileList.map((f) => f.status)).toEqual([0, ...Array(49).fill(-503003)]);
  });

  it('refuses an empty list', async () => {
    expect((await rejection(cloud.deleteFile({ fileList: [] }))).code).toBe('INVALID_PARAM');
    expect((await rejection(cloud.getTempFileURL({ fileList: [] }))).code).toBe('INVALID_PARAM');
  });
});

describe('path safety', () => {
  const bad = ['../escape.txt', 'a/../../escape.txt', '/abs.txt', 'a//b.txt', 'dir/', './x.txt', 'a\\..\\b.txt', 'q?.png', 'h#.png', 'nul\u0000.txt'];

  it.each(bad)('refuses to upload to %j', async (cloudPath) => {
    const err = await rejection(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('evil') }));
    expect(err.code).toBe('INVALID_PARAM');
    expect(err.message).toContain('uploadFile:fail');
  });

  it('wrote nothing outside its bucket folder', () => {
    expect(fs.readdirSync(h.dataDir)).toEqual(['storage']);
    expect(fs.readdirSync(path.join(h.dataDir, 'storage')).filter((n) => n !== '.tmp' && n !== BUCKET)).toEqual([]);
  });

  it('refuses download paths that climb out of the bucket', async () => {
    fs.writeFileSync(path.join(h.dataDir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    for (const p of [`/storage/${BUCKET}/..%2F..%2Fsecret.txt`, `/storage/${BUCKET}/a/%2E%2E%2F%2E%2E%2F..%2Fsecret.txt`]) {
      const res = await rawGet(p);
      expect(res.status).toBe(400);
      expect(res.body).toContain('<Code>InvalidURI</Code>');
      expect(res.body).not.toContain('TOP-SECRET-CONTENT');
    }
    const viaBucket = await rawGet('/storage/..%2F..%2F/secret.txt');
    expect(viaBucket.status).toBe(404);
    expect(viaBucket.body).not.toContain('TOP-SECRET-CONTENT');
  });

  it('refuses a file id that points outside the bucket', async () => {
    const res = await cloud.getTempFileURL({ fileList: [idOf('../../secret.txt')] });
    expect(res.fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' });
  });
});

describe('upload credentials', () => {
  async function grant(cloudPath: string) {
    const res = await callAdmin(h, { action: 'storage.getUploadMetadata', path: cloudPath, method: 'put' });
    return res.data as { url: string; token: string; authorization: string; cosFileId: string; fileId: string };
  }
  const put = (url: string, headers: Record<string, string>, body = 'bytes') => fetch(url, { method: 'PUT', headers, body });
  const creds = (g: Awaited<ReturnType<typeof grant>>) => ({
    authorization: g.authorization,
    'x-cos-security-token': g.token,
    'x-cos-meta-fileid': g.cosFileId,
  });

  it('accepts the granted path with the granted credentials', async () => {
    const g = await grant('creds/ok.txt');
    const res = await put(g.url, creds(g));
    expect(res.status).toBe(200);
    expect(h.service.files.get(g.fileId)?.size).toBe(5);
  });

  it('refuses a forged signature as SignatureDoesNotMatch', async () => {
    const g = await grant('creds/forged.txt');
    const res = await put(g.url, { ...creds(g), authorization: g.authorization.replace(/.$/, (c) => (c === '0' ? '1' : '0')) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(h.service.files.get(g.fileId)).toBeUndefined();
  });

  it('refuses credentials used for another path', async () => {
    const g = await grant('creds/mine.txt');
    const other = await grant('creds/other.txt');
    const res = await put(other.url, creds(g));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
    expect(h.service.files.get(other.fileId)).toBeUndefined();
  });

  it('refuses credentials after 10 emulated minutes', async () => {
    const g = await grant('creds/late.txt');
    h.clock.advance(10 * 60 * 1000 + 1);
    const res = await put(g.url, creds(g));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });

  it('refuses an upload without the cosFileId of the grant', async () => {
    const g = await grant('creds/nofileid.txt');
    const res = await put(g.url, { ...creds(g), 'x-cos-meta-fileid': 'something-else' });
    expect(res.status).toBe(400);
  });

  it('turns a COS error document into an SDK error (a file where a folder is needed)', async () => {
    await cloud.uploadFile({ cloudPath: 'clash', fileContent: Buffer.from('file') });
    const err = await rejection(cloud.uploadFile({ cloudPath: 'clash/child.txt', fileContent: Buffer.from('child') }));
    expect(err.code).toBe('STORAGE_REQUEST_FAIL');
    expect(err.message).toContain('[PathConflict]');
    expect(h.service.files.get(idOf('clash/child.txt'))).toBeUndefined();
    expect(fs.readdirSync(path.join(h.dataDir, 'storage', '.tmp'))).toEqual([]);
  });
});
