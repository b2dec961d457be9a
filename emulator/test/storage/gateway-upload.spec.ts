import { ENV, type StorageHarness, callAdmin, startStorageServer } from './helpers/storage-server';

/**
 * Local development's `wx.cloud.uploadFile`: the mini-program posts the picture to
 * `/gateway/storage/upload` with `wx.uploadFile` (field `cloudPath`, part `file`, identity header).
 */
let h: StorageHarness;

beforeAll(async () => {
  h = await startStorageServer();
});
afterAll(() => h.close());

function form(cloudPath: string | undefined, file?: Blob): FormData {
  const f = new FormData();
  if (cloudPath !== undefined) f.append('cloudPath', cloudPath);
  if (file) f.append('file', file, 'photo.jpg');
  return f;
}

async function upload(body: FormData, openid: string | null = 'o-merchant') {
  const res = await fetch(`${h.baseUrl}/gateway/storage/upload`, { method: 'POST', body, headers: openid ? { 'x-wx-openid': openid } : {} });
  expect(res.status).toBe(200);
  return (await res.json()) as { fileID?: string; errCode?: number; errMsg: string };
}

it('stores the file, records the caller and answers the fileID like wx.cloud.uploadFile', async () => {
  const bytes = Buffer.from('jpeg-bytes');
  const r = await upload(form('licenses/shop-1.jpg', new Blob([bytes], { type: 'image/jpeg' })));
  expect(r).toEqual({ fileID: expect.stringMatching(new RegExp(`^cloud://${ENV}\\.[^/]+/licenses/shop-1\\.jpg$`)), statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
  expect(h.service.files.get(r.fileID!)?.uploadedBy).toBe('o-merchant');
  const urls = await callAdmin(h, { action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: r.fileID, max_age: 60 }] });
  const url = (urls.data as { download_list: Array<{ download_url: string }> }).download_list[0]!.download_url;
  const got = await fetch(url);
  expect(got.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
});

it.each([
  ['no identity', form('a/b.jpg', new Blob(['x'])), null, /x-wx-openid/],
  ['no file part', form('a/b.jpg'), 'o-1', /no file part/],
  ['no cloudPath', form(undefined, new Blob(['x'])), 'o-1', /cloudPath|invalid/i],
  ['a path escaping the bucket', form('../etc/passwd', new Blob(['x'])), 'o-1', /./],
] as const)('refuses %s and stores nothing', async (_name, body, openid, message) => {
  const before = h.service.files.list().length;
  const r = await upload(body, openid);
  expect(r.errCode).toBe(-501007);
  expect(r.errMsg).toMatch(message);
  expect(h.service.files.list().length).toBe(before);
});
