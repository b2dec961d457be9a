import fs from 'node:fs';
import path from 'node:path';
import { bucketFor } from '../../src/storage';
import { type CloudStorageSdk, loadSdk } from './helpers/sdk';
import { type CapturedRequest, ENV, type StorageHarness, startStorageServer } from './helpers/storage-server';

/**
 * Pins what wx-server-sdk 4.0.2 sends for each storage call (captured from the real SDK, stored in
 * `fixtures/`). An SDK upgrade that changes the protocol fails here first.
 * Regenerate with `UPDATE_STORAGE_FIXTURES=1 npx jest -c emulator/test/storage/jest.config.js protocol`.
 */
const FIXTURES = path.join(__dirname, 'fixtures');
const UPDATE = process.env.UPDATE_STORAGE_FIXTURES === '1';
const BUCKET = bucketFor(ENV);
/** Headers of the upload PUT worth pinning; the rest (host, connection) vary per run. */
const PUT_HEADERS = ['authorization', 'signature', 'x-cos-security-token', 'x-cos-meta-fileid', 'key', 'content-type', 'content-length', 'transfer-encoding'];

let h: StorageHarness;
let cloud: CloudStorageSdk;

beforeAll(async () => {
  h = await startStorageServer();
  cloud = loadSdk(h.adminUrl);
});
afterAll(() => h.close());

/**
 * Replaces the credentials this run granted (read from the captured `getUploadMetadata` answer)
 * with stable placeholders, and keeps only the stable headers.
 */
function normalise(reqs: CapturedRequest[]): unknown[] {
  const placeholders = new Map<string, string>();
  for (const r of reqs) {
    const grant = (r.result as { data?: Record<string, string> } | undefined)?.data;
    if (r.name !== 'storage.getUploadMetadata' || !grant) continue;
    for (const field of ['token', 'authorization', 'cosFileId']) placeholders.set(grant[field], `<${field}>`);
  }
  return reqs.map((r) => {
    if (r.kind === 'action') return { action: r.name, env: r.env, params: r.body };
    const headers: Record<string, string> = {};
    for (const name of PUT_HEADERS) {
      const v = r.headers?.[name];
      if (typeof v === 'string') headers[name] = placeholders.get(v) ?? v;
    }
    return { route: r.name, headers, body: (r.body as Buffer).toString('utf8') };
  });
}

async function capture(run: () => Promise<unknown>): Promise<unknown[]> {
  const from = h.captured.length;
  await run();
  return normalise(h.captured.slice(from));
}

function check(name: string, actual: unknown[]): void {
  const file = path.join(FIXTURES, `${name}.json`);
  if (UPDATE) fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

it('uploadFile: getUploadMetadata, then a chunked PUT of the bytes with the granted credentials', async () => {
  const actual = await capture(() => cloud.uploadFile({ cloudPath: '商品/a b.txt', fileContent: Buffer.from('hello storage') }));
  check('upload-file', actual);
});

it('getTempFileURL: one batchGetDownloadUrl with fileid and max_age only when given', async () => {
  const actual = await capture(() =>
    cloud.getTempFileURL({ fileList: [`cloud://${ENV}.${BUCKET}/a.png`, { fileID: `cloud://${ENV}.${BUCKET}/b.png`, maxAge: 60 }] }),
  );
  check('get-temp-file-url', actual);
});

it('deleteFile: one batchDeleteFile with fileid_list', async () => {
  const actual = await capture(() => cloud.deleteFile({ fileList: [`cloud://${ENV}.${BUCKET}/a.png`] }));
  check('delete-file', actual);
});

it('downloadFile: batchGetDownloadUrl with max_age 600, then a GET of the encodeURI-ed temp URL', async () => {
  const { fileID } = await cloud.uploadFile({ cloudPath: '下载/c d.txt', fileContent: Buffer.from('download me') });
  const actual = await capture(() => cloud.downloadFile({ fileID }));
  check('download-file', actual);
});
