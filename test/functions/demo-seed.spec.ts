/**
 * The demo seed's people: shop owners and the platform admin come from `roles` documents (no
 * environment variable), a pending application waits for review, and seeding again writes nothing.
 */
import { seedDemo } from '../../scripts/demo/seed-demo';
import { type Mall, startMall } from '../support/mall';

let mall: Mall;
beforeAll(async () => {
  mall = await startMall({ workers: 2 });
}, 120_000);
afterAll(() => mall.stop());

test('demo roles and application, idempotent', async () => {
  const first = await seedDemo({ db: mall.db, cloud: mall.cloud });
  expect(first).toMatchObject({ skipped: false, shops: 3, roles: 4, applications: 1 });

  expect(await mall.as('dev-merchant-1').ok('merchant', 'myShops', {})).toEqual({ platformAdmin: false, shops: [{ id: 'shop-fresh', name: '沪上鲜果铺', status: 'active', role: 'owner' }] });
  expect((await mall.as('dev-merchant-3').ok('merchant', 'myShops', {})).shops.map((s) => s.id)).toEqual(['shop-style']);
  expect(await mall.as('dev-admin-1').ok('platform', 'dashboard', {})).toMatchObject({ pendingApplications: 1, activeShops: 3 });
  const [pending] = (await mall.as('dev-admin-1').ok('merchant', 'listApplications', { status: 'pending' })).items;
  expect(pending).toMatchObject({ openid: 'dev-shopper-2', shopName: '巷口咖啡馆', status: 'pending' });
  expect(pending!.licenseFileId).toMatch(/^cloud:\/\//);
  // the demo applicant's own app sees it, and a second application is refused as a duplicate
  expect((await mall.as('dev-shopper-2').ok('merchant', 'myApplication', {})).application?.id).toBe(pending!.id);
  expect(await mall.as('dev-shopper-2').call('merchant', 'apply', { shopName: '又一家', contactName: '陈静', phone: '13812345678', licenseFileId: pending!.licenseFileId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect((await mall.as('dev-shopper-1').ok('merchant', 'myShops', {})).shops).toEqual([]);

  // a change made in the app survives a restart's seed
  await mall.as('dev-admin-1').ok('merchant', 'approve', { applicationId: pending!.id });
  const again = await seedDemo({ db: mall.db, cloud: mall.cloud });
  expect(again).toMatchObject({ skipped: true, roles: 0, applications: 0 });
  expect((await mall.db.collection('shop_applications').where({ openid: 'dev-shopper-2' }).count()).total).toBe(1);
  expect((await mall.db.collection('roles').count()).total).toBe(5);
});
