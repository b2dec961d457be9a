/**
 * Licence and after-sale photos are private (server/private-files.ts): uploaded into the caller's
 * own `private/<kind>/<OPENID>/` folder, accepted by the functions only from there, never served
 * at their plain storage address (the emulator refuses a direct read of `private/...`), and shown
 * through temp links the functions issue only to those allowed: the applicant and platform admins
 * for a licence, the buyer and the shop's staff for after-sale photos.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, payFor, seedAddress, seedCatalog } from './checkout-fixtures';

const ADMIN = 'pp-admin';
const OWNER = 'pp-owner';
const OTHER_SHOP = 'pp-other-owner';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let mall: Mall;
let c: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  mall = await startMall({ workers: 2, env: { PLATFORM_ADMIN_OPENIDS: ADMIN } });
  c = await seedCatalog(mall.db, 'pp');
  const now = new Date();
  await mall.db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: c.shopA, role: 'owner' }], updatedAt: now } });
  await mall.db.collection('roles').add({ data: { _id: OTHER_SHOP, platformAdmin: false, shops: [{ shopId: c.shopB, role: 'owner' }], updatedAt: now } });
  await seedAddress(mall.db, 'pp-buyer');
}, 120_000);
afterAll(() => mall?.stop());

/** Uploads as the mini-program does in local mode (the emulator's client upload gateway). */
async function upload(openid: string, cloudPath: string): Promise<{ fileID: string; tempFileURL?: string }> {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
  const res = await fetch(`${mall.emu.url}/gateway/storage/upload`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: form });
  const answer = (await res.json()) as { fileID?: string; tempFileURL?: string; errMsg?: string };
  if (!answer.fileID) throw new Error(`upload failed: ${answer.errMsg}`);
  return answer as { fileID: string; tempFileURL?: string };
}

/** The storage address of a file id, without any temp-link signature. */
function plainUrl(fileId: string): string {
  const [, bucket, path] = /^cloud:\/\/[^.]+\.([^/]+)\/(.+)$/.exec(fileId)!;
  return `${mall.emu.url}/storage/${bucket}/${path}`;
}

const status = async (url: string) => (await fetch(url)).status;

describe('shop licences', () => {
  let licence: string;
  let applicationId: string;

  beforeAll(async () => {
    licence = (await upload('pp-alice', 'private/licence/pp-alice/licence.png')).fileID;
  });

  test('a direct, unauthenticated read of the private file is refused; a public file is served', async () => {
    expect(await status(plainUrl(licence))).toBe(403);
    expect(await status(`${plainUrl(licence)}?t=9999999999&sign=${'0'.repeat(64)}`)).toBe(403);
    const logo = (await upload(OWNER, 'shops/pp-logo.png')).fileID;
    expect(await status(plainUrl(logo))).toBe(200);
  });

  test("no one applies with someone else's licence, or one outside their private folder", async () => {
    const form = (licenseFileId: string) => ({ shopName: '别人的执照', contactName: '王五', phone: '13700137000', licenseFileId });
    const publicFile = (await upload('pp-bob', 'licenses/pp-bob.png')).fileID;
    for (const bad of [licence, publicFile, licence.replace('pp-alice/', 'pp-bob/../pp-alice/'), licence.replace('private/licence', 'private/aftersale')]) {
      expect(await mall.as('pp-bob').call('merchant', 'apply', form(bad))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect((await mall.as('pp-bob').ok('merchant', 'myApplication', {})).application).toBeNull();
  });

  test('the applicant and platform admins get a working temp link; other shoppers get nothing', async () => {
    const app = await mall.as('pp-alice').ok('merchant', 'apply', { shopName: '爱丽丝的执照店', contactName: '李四', phone: '13900139000', licenseFileId: licence });
    applicationId = app.id;
    expect(app.licenseFileId).toBe(licence);
    expect(await status(app.licenseUrl)).toBe(200);
    const mine = (await mall.as('pp-alice').ok('merchant', 'myApplication', {})).application!;
    expect(await status(mine.licenseUrl)).toBe(200);

    const queue = await mall.as(ADMIN).ok('merchant', 'listApplications', { status: 'pending' });
    const listed = queue.items.find((a) => a.id === applicationId)!;
    expect(await status(listed.licenseUrl)).toBe(200);

    expect(await mall.as('pp-bob').call('merchant', 'listApplications', { status: 'pending' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await mall.as('pp-bob').ok('merchant', 'myApplication', {})).application).toBeNull();
    expect(await mall.as(OWNER).call('merchant', 'listApplications', { status: 'pending' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('after-sale photos', () => {
  test('only the buyer and the shop’s staff get temp links to the photos', async () => {
    const { created } = await checkout(mall, 'pp-buyer', [{ skuId: c.tea, quantity: 1 }]);
    await payFor(mall, 'pp-buyer', created.paymentId);
    const orderId = created.orderIds[0]!;
    const photo = (await upload('pp-buyer', 'private/aftersale/pp-buyer/broken.png')).fileID;
    const strangers = (await upload('pp-mallory', 'private/aftersale/pp-mallory/x.png')).fileID;
    const request = { orderId, type: 'refund_only' as const, lines: [{ lineIndex: 0, quantity: 1, amountFen: 1000 }], reason: '质量问题' };

    // someone else's photo (or a public one) is refused, and nothing is opened
    expect(await mall.as('pp-buyer').call('aftersale', 'apply', { ...request, photos: [photo, strangers] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await mall.as('pp-buyer').call('aftersale', 'apply', { ...request, photos: ['cloud://local-env.6c6f/aftersale/pp-buyer/a.png'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await mall.as('pp-buyer').ok('aftersale', 'mine', {})).items).toEqual([]);

    const a = await mall.as('pp-buyer').ok('aftersale', 'apply', { ...request, photos: [photo] });
    expect(await read(mall.db, 'after_sales', a.id)).toMatchObject({ photos: [photo] });
    expect(a.photos).toHaveLength(1);
    expect(a.photos[0]).not.toBe(photo);
    expect(await status(a.photos[0]!)).toBe(200);
    expect(await status(plainUrl(photo))).toBe(403);

    const buyerView = await mall.as('pp-buyer').ok('aftersale', 'detail', { id: a.id });
    expect(await status(buyerView.photos[0]!)).toBe(200);
    const shopView = await mall.as(OWNER).ok('aftersale', 'shopDetail', { shopId: c.shopA, id: a.id });
    expect(await status(shopView.photos[0]!)).toBe(200);
    const shopList = await mall.as(OWNER).ok('aftersale', 'shopList', { shopId: c.shopA });
    expect(await status(shopList.items.find((x) => x.id === a.id)!.photos[0]!)).toBe(200);

    // another shopper, another shop: no view, so no link
    expect(await mall.as('pp-mallory').call('aftersale', 'detail', { id: a.id })).toMatchObject({ ok: false });
    expect(await mall.as(OTHER_SHOP).call('aftersale', 'shopDetail', { shopId: c.shopA, id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OTHER_SHOP).call('aftersale', 'shopDetail', { shopId: c.shopB, id: a.id })).toMatchObject({ ok: false });
    expect((await mall.as('pp-mallory').ok('aftersale', 'mine', {})).items).toEqual([]);
  });
});
