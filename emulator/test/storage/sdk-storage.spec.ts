import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bucketFor, createStorageModule } from '../../src/storage';
import { type CloudStorageSdk, loadSdk, rejection } from './helpers/sdk';
import { ENV, type StorageHarness, startStorageServer } from './helpers/storage-server';

let h: StorageHarness;
let cloud: CloudStorageSdk;
const BUCKET = bucketFor(ENV);

beforeAll(async () => {
  h = await startStorageServer();
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('uploadFile', () => {
  it('stores a Buffer and answers with a cloud:// file id of the env bucket', async () => {
    const res = await cloud.uploadFile({ cloudPath: 'products/p1/cover.png', fileContent: png });
    expect(res.errMsg).toBe('uploadFile:ok');
    expect(res.fileID).toBe(`cloud://${ENV}.${BUCKET}/products/p1/cover.png`);
    expect(BUCKET).toBe('6c6f-local-env-1250000000');
    expect(fs.readFileSync(path.join(h.dataDir, 'storage', BUCKET, 'products/p1/cover.png'))).toEqual(png);
  });

  it('stores a ReadStream', async () => {
    const src = path.join(os.tmpdir(), `cb-storage-src-${process.pid}.txt`);
    const text = 'stream content '.repeat(5000);
    fs.writeFileSync(src, text);
    try {
      const res = await cloud.uploadFile({ cloudPath: 'docs/stream.txt', fileContent: fs.createReadStream(src) });
      const got = await cloud.downloadFile({ fileID: res.fileID });
      expect(got.fileContent.toString('utf8')).toBe(text);
    } finally {
      fs.rmSync(src, { force: true });
    }
  });

  it('records metadata: size, content type, time on the emulated clock, uploader', async () => {
    h.clock.advance(3_600_000);
    const before = h.clock.now();
    const res = await cloud.uploadFile({ cloudPath: 'meta/a.json', fileContent: Buffer.from('{"a":1}') });
    const row = h.service.files.get(res.fileID);
    expect(row).toMatchObject({ bucket: BUCKET, cloudPath: 'meta/a.json', size: 7, contentType: 'application/json', uploadedBy: null });
    expect(row!.createdAt).toBeGreaterThanOrEqual(before);
    expect(row!.createdAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(row!.etag).toBe(`"${createHash('md5').update('{"a":1}').digest('hex')}"`);
  });

  it('overwrites an existing path, keeping its file id and first upload time', async () => {
    const first = await cloud.uploadFile({ cloudPath: 'over/x.txt', fileContent: Buffer.from('one') });
    const created = h.service.files.get(first.fileID)!.createdAt;
    h.clock.advance(1000);
    const second = await cloud.uploadFile({ cloudPath: 'over/x.txt', fileContent: Buffer.from('second') });
    expect(second.fileID).toBe(first.fileID);
    const row = h.service.files.get(first.fileID)!;
    expect(row).toMatchObject({ size: 6, createdAt: created });
    expect(row.updatedAt).toBeGreaterThanOrEqual(created + 1000);
    expect((await cloud.downloadFile({ fileID: first.fileID })).fileContent.toString()).toBe('second');
  });

  it('keeps non-ASCII and spaces in paths intact end to end', async () => {
    const res = await cloud.uploadFile({ cloudPath: '商品 图片/主图 1.jpg', fileContent: Buffer.from('jpeg bytes') });
    expect(res.fileID).toBe(`cloud://${ENV}.${BUCKET}/商品 图片/主图 1.jpg`);
    const { fileList } = await cloud.getTempFileURL({ fileList: [res.fileID] });
    expect(fileList[0].tempFileURL).toBe(`${h.baseUrl}/storage/${BUCKET}/商品 图片/主图 1.jpg`);
    const http = await fetch(fileList[0].tempFileURL!);
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toBe('image/jpeg');
    expect((await cloud.downloadFile({ fileID: res.fileID })).fileContent.toString()).toBe('jpeg bytes');
  });
});

describe('getTempFileURL', () => {
  it('gives a URL that serves the same bytes with a content type from the extension', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/logo.png', fileContent: png });
    const res = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(res.errMsg).toBe('getTempFileURL:ok');
    expect(res.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok', maxAge: 86400, tempFileURL: `${h.baseUrl}/storage/${BUCKET}/tmp/logo.png` }]);
    const http = await fetch(res.fileList[0].tempFileURL!);
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toBe('image/png');
    expect(http.headers.get('content-length')).toBe(String(png.length));
    expect(http.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await http.arrayBuffer())).toEqual(png);
  });

  it('echoes maxAge and answers each missing file with its own status', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/here.txt', fileContent: Buffer.from('here') });
    const missing = `cloud://${ENV}.${BUCKET}/tmp/not-here.txt`;
    const res = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 120 }, missing] });
    expect(res.fileList[0]).toMatchObject({ fileID, status: 0, maxAge: 120 });
    expect(res.fileList[1]).toEqual({ fileID: missing, status: -503003, errMsg: 'storage file not exists', maxAge: 86400, tempFileURL: '' });
  });

  it('does not find files of another environment', async () => {
    await cloud.uploadFile({ cloudPath: 'tmp/shared.txt', fileContent: Buffer.from('x') });
    const foreign = 'cloud://prod-env.7072-prod-env-1300000000/tmp/shared.txt';
    const res = await cloud.getTempFileURL({ fileList: [foreign] });
    expect(res.fileList[0]).toMatchObject({ fileID: foreign, status: -503003, tempFileURL: '' });
  });

  it('serves 304 to a matching If-None-Match and answers HEAD without a body', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/cache.txt', fileContent: Buffer.from('cache me') });
    const url = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL!;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('8');
    expect(await head.text()).toBe('');
  });
});

describe('deleteFile', () => {
  it('deletes the file, its URL then 404s and a second delete reports the file per entry', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'del/gone.txt', fileContent: Buffer.from('bye') });
    const url = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL!;

    const res = await cloud.deleteFile({ fileList: [fileID] });
    expect(res).toEqual({ fileList: [{ fileID, status: 0, errMsg: 'ok' }], errMsg: 'deleteFile:ok' });

    const http = await fetch(url);
    expect(http.status).toBe(404);
    expect(await http.text()).toContain('<Code>NoSuchKey</Code>');
    expect(fs.existsSync(path.join(h.dataDir, 'storage', BUCKET, 'del'))).toBe(false);

    const again = await cloud.deleteFile({ fileList: [fileID] });
    expect(again.fileList).toEqual([{ fileID, status: -503003, errMsg: 'storage file not exists' }]);
    expect((await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].status).toBe(-503003);
  });

  it('reports each file of a mixed batch separately', async () => {
    const a = await cloud.uploadFile({ cloudPath: 'del/a.txt', fileContent: Buffer.from('a') });
    const b = await cloud.uploadFile({ cloudPath: 'del/b.txt', fileContent: Buffer.from('b') });
    const missing = `cloud://${ENV}.${BUCKET}/del/none.txt`;
    const res = await cloud.deleteFile({ fileList: [a.fileID, missing, b.fileID, 'not-a-file-id'] });
    expect(res.fileList.map((f) => f.status)).toEqual([0, -503003, 0, -501007]);
    expect(h.service.files.list('del/')).toEqual([]);
  });
});

describe('downloadFile', () => {
  it('returns the bytes', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'dl/data.bin', fileContent: Buffer.from([0, 1, 2, 255]) });
    const res = await cloud.downloadFile({ fileID });
    expect(res).toMatchObject({ statusCode: 200, errMsg: 'downloadFile:ok' });
    expect(res.fileContent).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('rejects for a missing file', async () => {
    const err = await rejection(cloud.downloadFile({ fileID: `cloud://${ENV}.${BUCKET}/dl/none.bin` }));
    expect(err.message).toContain('downloadFile:fail');
    expect(err.code).toBe('STORAGE_FILE_NONEXIST');
  });
});

describe('durability', () => {
  it('serves the same files from a new module over the same database and folder (a restart)', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'keep/me.txt', fileContent: Buffer.from('kept') });
    const restarted = createStorageModule(h.ctx).service;
    expect(restarted.tempUrl(fileID, 60)).toMatchObject({ code: 'SUCCESS', tempFileURL: `${h.baseUrl}/storage/${BUCKET}/keep/me.txt` });
    const file = restarted.find(BUCKET, 'keep/me.txt')!;
    const chunks: Buffer[] = [];
    for await (const c of restarted.read(file)!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('kept');
  });

  it('answers 404 and logs when the bytes vanished from disk behind its back', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'vanish/x.txt', fileContent: Buffer.from('x') });
    fs.rmSync(path.join(h.dataDir, 'storage', BUCKET, 'vanish/x.txt'));
    const url = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL!;
    expect((await fetch(url)).status).toBe(404);
    expect(h.events).toContainEqual({ event: 'storage_bytes_missing', detail: { fileId: fileID } });
  });
});
