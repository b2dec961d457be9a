/**
 * Merchant onboarding and roles against the emulator: applications and their review, the
 * subscribe message to the applicant, shop suspension as seen by the catalog, and who may call what.
 * Subscribe messages need credits here (EMULATOR_SUBSCRIBE_DEFAULT none), as in WeChat.
 */
import { seedCategory, seedGoods, seedShop, read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';

const ENV_ADMIN = 'admin-env';
const DB_ADMIN = 'admin-db';
const TEMPLATE = 'TPL_REVIEW_TEST';

let mall: Mall;
let auth: typeof import('../../server/auth');

beforeAll(async () => {
  mall = await startMall({ workers: 2, env: { PLATFORM_ADMIN_OPENIDS: ` ${ENV_ADMIN} , someone-else,`, EMULATOR_SUBSCRIBE_DEFAULT: 'none', MERCHANT_REVIEW_TEMPLATE_ID: TEMPLATE } });
  // a platform admin granted through the collection rather than the environment
  await mall.db.collection('roles').add({ data: { _id: DB_ADMIN, platformAdmin: true, shops: [], updatedAt: new Date() } });
  await seedCategory(mall.db, { _id: 'c1', name: '水果' });
  // loaded after startMall pointed this process's wx-server-sdk at the emulator
  auth = await import('../../server/auth');
}, 120_000);
afterAll(() => mall.stop());

/** A licence in the applicant's own private folder, the only place merchant.apply takes it from. */
const form = (shopName: string, openid = 'alice') => ({ shopName, contactName: '李四', phone: '13900139000', licenseFileId: `cloud://local-env.6c6f/private/licence/${openid}/abc.jpg` });

async function outbox(touser: string): Promise<any[]> {
  return (await mall.emu.control<{ messages: any[] }>(`/_emulator/openapi/outbox?touser=${touser}`)).messages;
}

async function grantCredit(openid: string): Promise<void> {
  await mall.emu.control('/_emulator/openapi/subscribe', { openid, templateIds: [TEMPLATE], count: 1 });
}

async function all(coll: string): Promise<any[]> {
  return (await mall.db.collection(coll).limit(1000).get()).data.sort((a: any, b: any) => String(a._id).localeCompare(String(b._id)));
}

/** Applies as `openid` and approves as the env admin; returns the new shop's id. */
async function openShop(openid: string, name: string): Promise<string> {
  const app = await mall.as(openid).ok('merchant', 'apply', form(name, openid));
  return (await mall.as(ENV_ADMIN).ok('merchant', 'approve', { applicationId: app.id })).shop.id;
}

describe('applying and review', () => {
  test('apply, then approval creates the active shop, makes the applicant its owner and messages them', async () => {
    const app = await mall.as('alice').ok('merchant', 'apply', form(' 爱丽丝的果园 ', 'alice'));
    expect(app).toMatchObject({ openid: 'alice', shopName: '爱丽丝的果园', status: 'pending' });
    expect((await mall.as('alice').ok('merchant', 'myApplication', {})).application).toMatchObject({ id: app.id, status: 'pending' });
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'listApplications', { status: 'pending' })).items.map((a) => a.id)).toContain(app.id);

    await grantCredit('alice');
    const { application, shop } = await mall.as(ENV_ADMIN).ok('merchant', 'approve', { applicationId: app.id });
    expect(application).toMatchObject({ status: 'approved', shopId: shop.id, reviewerOpenid: ENV_ADMIN });
    expect(shop).toEqual({ id: shop.id, name: '爱丽丝的果园', status: 'active' });
    expect(await read(mall.db, 'shops', shop.id)).toMatchObject({ ownerOpenid: 'alice', status: 'active', shipping: { feeFen: 0, freeThresholdFen: null } });
    expect(await read(mall.db, 'roles', 'alice')).toMatchObject({ platformAdmin: false, shops: [{ shopId: shop.id, role: 'owner' }] });
    expect(await mall.as('alice').ok('merchant', 'myShops', {})).toEqual({ platformAdmin: false, shops: [{ id: shop.id, name: '爱丽丝的果园', status: 'active', role: 'owner' }] });

    const messages = await outbox('alice');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ templateId: TEMPLATE });
    expect(JSON.stringify(messages[0])).toContain('审核通过');

    // approving again answers the same shop and changes (and sends) nothing
    await grantCredit('alice');
    const again = await mall.as(DB_ADMIN).ok('merchant', 'approve', { applicationId: app.id });
    expect(again.shop.id).toBe(shop.id);
    expect(again.application.reviewerOpenid).toBe(ENV_ADMIN);
    expect((await mall.db.collection('shops').where({ ownerOpenid: 'alice' }).count()).total).toBe(1);
    expect((await read(mall.db, 'roles', 'alice')).shops).toHaveLength(1);
    expect(await outbox('alice')).toHaveLength(1);
  });

  test('simultaneous approvals create one shop', async () => {
    const app = await mall.as('amy').ok('merchant', 'apply', form('艾米小铺', 'amy'));
    const results = await Promise.all([ENV_ADMIN, DB_ADMIN, ENV_ADMIN].map((admin) => mall.as(admin).call('merchant', 'approve', { applicationId: app.id })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const shopIds = new Set(results.map((r) => r.ok && r.data.shop.id));
    expect(shopIds.size).toBe(1);
    expect((await mall.db.collection('shops').where({ ownerOpenid: 'amy' }).count()).total).toBe(1);
    expect((await read(mall.db, 'roles', 'amy')).shops).toEqual([{ shopId: [...shopIds][0], role: 'owner' }]);
  });

  test('rejection records the reason; without a subscription credit the message is skipped, not the rejection', async () => {
    const app = await mall.as('bob').ok('merchant', 'apply', form('鲍勃五金', 'bob'));
    const { application } = await mall.as(DB_ADMIN).ok('merchant', 'reject', { applicationId: app.id, reason: ' 营业执照不清晰 ' });
    expect(application).toMatchObject({ status: 'rejected', reason: '营业执照不清晰', reviewerOpenid: DB_ADMIN });
    expect(application.shopId).toBeUndefined();
    expect(await outbox('bob')).toHaveLength(0);
    expect(mall.emu.output()).toMatch(/review_message_no_credit/);
    expect(await read(mall.db, 'roles', 'bob')).toBeNull();
    expect((await mall.as('bob').ok('merchant', 'myShops', {})).shops).toEqual([]);

    // rejecting again is a no-op; approving a rejected application is a conflict
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'reject', { applicationId: app.id, reason: '别的理由' })).application.reason).toBe('营业执照不清晰');
    expect(await mall.as(ENV_ADMIN).call('merchant', 'approve', { applicationId: app.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await mall.db.collection('shops').where({ ownerOpenid: 'bob' }).count()).total).toBe(0);

    // a rejected applicant may apply again, and that one can be approved (with a message this time)
    const second = await mall.as('bob').ok('merchant', 'apply', form('鲍勃五金店', 'bob'));
    expect(second.id).not.toBe(app.id);
    expect((await mall.as('bob').ok('merchant', 'myApplication', {})).application?.id).toBe(second.id);
    await grantCredit('bob');
    await mall.as(ENV_ADMIN).ok('merchant', 'approve', { applicationId: second.id });
    expect(await outbox('bob')).toHaveLength(1);
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'listApplications', { status: 'rejected' })).items.map((a) => a.id)).toContain(app.id);
  });

  test('a second pending application is refused, also when sent simultaneously', async () => {
    await mall.as('carol').ok('merchant', 'apply', form('卡罗尔花店', 'carol'));
    expect(await mall.as('carol').call('merchant', 'apply', form('又一家', 'carol'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const results = await Promise.all([1, 2, 3].map((i) => mall.as('dan').call('merchant', 'apply', form(`丹的店${i}`, 'dan'))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await mall.db.collection('shop_applications').where({ openid: 'dan', status: 'pending' }).count()).total).toBe(1);
  });

  test('bad applications are refused with INVALID_ARGUMENT', async () => {
    for (const bad of [{ ...form('店'), phone: '12345' }, { ...form('店'), licenseFileId: 'https://example.com/a.jpg' }, { ...form('   ') }, { ...form('x'.repeat(31)) }, { ...form('店'), status: 'approved' }]) {
      expect(await mall.raw('erin', 'merchant', { action: 'apply', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect((await mall.as('erin').ok('merchant', 'myApplication', {})).application).toBeNull();
  });

  test('paging through applications', async () => {
    for (let i = 0; i < 5; i++) await mall.as(`pager-${i}`).ok('merchant', 'apply', form(`分页店${i}`, `pager-${i}`));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await mall.as(ENV_ADMIN).ok('merchant', 'listApplications', { status: 'pending', pageSize: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await mall.db.collection('shop_applications').where({ status: 'pending' }).count()).total);
  });
});

describe('suspension', () => {
  test("suspending hides the shop's goods from the catalog and reinstating brings them back", async () => {
    const shopId = await openShop('frank', '弗兰克茶庄');
    await seedGoods(mall.db, { _id: 'g-frank', shopId, title: '停业测试乌龙茶', categoryIds: ['c1'] }, [{ _id: 'k-frank', priceFen: 3900, stock: 10 }]);
    const found = async () => (await mall.as('shopper').ok('catalog', 'search', { keyword: '停业测试乌龙茶' })).items.map((g) => g.id);
    expect(await found()).toEqual(['g-frank']);

    expect(await mall.as(ENV_ADMIN).ok('merchant', 'suspendShop', { shopId })).toMatchObject({ id: shopId, status: 'suspended' });
    expect(await found()).toEqual([]);
    expect((await mall.as('shopper').ok('catalog', 'search', { shopId })).items).toEqual([]);
    expect((await mall.as('frank').ok('merchant', 'myShops', {})).shops).toEqual([expect.objectContaining({ id: shopId, status: 'suspended', role: 'owner' })]);
    // repeats change nothing
    expect(await mall.as(DB_ADMIN).ok('merchant', 'suspendShop', { shopId })).toMatchObject({ status: 'suspended' });

    expect(await mall.as(DB_ADMIN).ok('merchant', 'reinstateShop', { shopId })).toMatchObject({ id: shopId, status: 'active' });
    expect(await found()).toEqual(['g-frank']);
    expect(await mall.as(ENV_ADMIN).call('merchant', 'suspendShop', { shopId: 'no-such-shop' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the shop list for platform admins', () => {
  test('lists shops newest first with goods counts, filters by status and name, pages', async () => {
    const older = await openShop('gina', '吉娜烘焙坊');
    const newer = await openShop('hank', '汉克烘焙屋');
    await seedGoods(mall.db, { _id: 'g-gina-1', shopId: older, categoryIds: ['c1'] }, [{ _id: 'k-gina-1', priceFen: 100, stock: 1 }]);
    await seedGoods(mall.db, { _id: 'g-gina-2', shopId: older, categoryIds: ['c1'], status: 'off_shelf' }, [{ _id: 'k-gina-2', priceFen: 100, stock: 1 }]);
    await mall.as(ENV_ADMIN).ok('merchant', 'suspendShop', { shopId: newer });

    const bakeries = await mall.as(ENV_ADMIN).ok('merchant', 'listShops', { keyword: '烘焙' });
    expect(bakeries.items.map((s) => [s.name, s.status, s.goodsCount, s.ownerOpenid])).toEqual([
      ['汉克烘焙屋', 'suspended', 0, 'hank'],
      ['吉娜烘焙坊', 'active', 2, 'gina'],
    ]);
    expect(bakeries.items[0]!.createdAt).toBeGreaterThanOrEqual(bakeries.items[1]!.createdAt);
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'listShops', { keyword: '烘焙', status: 'active' })).items.map((s) => s.id)).toEqual([older]);
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'listShops', { keyword: '.*' })).items).toEqual([]);
    await mall.as(ENV_ADMIN).ok('merchant', 'reinstateShop', { shopId: newer });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await mall.as(DB_ADMIN).ok('merchant', 'listShops', { pageSize: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await mall.db.collection('shops').count()).total);
    expect(await mall.raw(ENV_ADMIN, 'merchant', { action: 'listShops', status: 'closed' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('shop detail shows counts, members and the application', async () => {
    const shopId = await openShop('ivy', '艾薇花艺');
    await mall.db.collection('roles').doc('ivy-staff').set({ data: { platformAdmin: false, shops: [{ shopId, role: 'staff' }], updatedAt: new Date() } });
    await seedGoods(mall.db, { _id: 'g-ivy-1', shopId, categoryIds: ['c1'] }, [{ _id: 'k-ivy-1', priceFen: 100, stock: 1 }]);
    const detail = await mall.as(ENV_ADMIN).ok('merchant', 'shopDetail', { shopId });
    expect(detail).toMatchObject({ id: shopId, name: '艾薇花艺', status: 'active', goodsCount: 1, onShelfCount: 1, ownerOpenid: 'ivy', members: [{ openid: 'ivy', role: 'owner' }, { openid: 'ivy-staff', role: 'staff' }] });
    expect(detail.application).toMatchObject({ shopId, status: 'approved', phone: '13900139000' });
    expect(await mall.as(ENV_ADMIN).call('merchant', 'shopDetail', { shopId: 'no-such-shop' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.as('ivy').call('merchant', 'shopDetail', { shopId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as('ivy').call('merchant', 'listShops', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('authorization', () => {
  let shopId: string;
  let otherShopId: string;
  let pendingId: string;
  beforeAll(async () => {
    shopId = await openShop('mx-owner', '矩阵店');
    otherShopId = await openShop('mx-other-owner', '隔壁店');
    pendingId = (await mall.as('mx-applicant').ok('merchant', 'apply', form('待审店', 'mx-applicant'))).id;
  });

  const ADMIN_ONLY = ['listApplications', 'approve', 'reject', 'suspendShop', 'reinstateShop', 'listShops', 'shopDetail'] as const;
  const payloadOf = (action: (typeof ADMIN_ONLY)[number]): any =>
    ({
      listApplications: { status: 'pending' },
      approve: { applicationId: pendingId },
      reject: { applicationId: pendingId, reason: '越权' },
      suspendShop: { shopId },
      reinstateShop: { shopId },
      listShops: {},
      shopDetail: { shopId },
    })[action];

  test('platform actions are refused to a shopper, another shop\'s owner and the owner, and change nothing', async () => {
    const before = { shops: await all('shops'), roles: await all('roles'), apps: await all('shop_applications') };
    for (const caller of ['mx-shopper', 'mx-other-owner', 'mx-owner']) {
      for (const action of ADMIN_ONLY) {
        const r = await mall.as(caller).call('merchant', action, payloadOf(action));
        expect({ caller, action, r }).toEqual({ caller, action, r: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
      }
    }
    expect({ shops: await all('shops'), roles: await all('roles'), apps: await all('shop_applications') }).toEqual(before);
    expect(await outbox('mx-applicant')).toHaveLength(0);
  });

  test('platform admins (from the env var or the collection) may call every platform action', async () => {
    for (const admin of [ENV_ADMIN, DB_ADMIN]) {
      for (const action of ['listApplications', 'suspendShop', 'reinstateShop', 'listShops', 'shopDetail'] as const) {
        expect(await mall.as(admin).call('merchant', action, payloadOf(action))).toMatchObject({ ok: true });
      }
    }
    expect(await mall.as(ENV_ADMIN).call('merchant', 'reject', payloadOf('reject'))).toMatchObject({ ok: true });
    const next = await mall.as('mx-applicant').ok('merchant', 'apply', form('待审店二', 'mx-applicant'));
    expect(await mall.as(DB_ADMIN).call('merchant', 'approve', { applicationId: next.id })).toMatchObject({ ok: true });
    expect((await mall.as(ENV_ADMIN).ok('merchant', 'myShops', {})).platformAdmin).toBe(true);
    expect((await mall.as(DB_ADMIN).ok('merchant', 'myShops', {})).platformAdmin).toBe(true);
  });

  test('shopper actions are open to everyone signed in and show only their own data', async () => {
    for (const caller of ['mx-shopper', 'mx-other-owner', 'mx-owner', ENV_ADMIN]) {
      expect(await mall.as(caller).call('merchant', 'myApplication', {})).toMatchObject({ ok: true });
      const mine = await mall.as(caller).ok('merchant', 'myShops', {});
      const expected = caller === 'mx-owner' ? [shopId] : caller === 'mx-other-owner' ? [otherShopId] : [];
      expect(mine.shops.map((s) => s.id)).toEqual(expected);
    }
    expect((await mall.as('mx-shopper').ok('merchant', 'myApplication', {})).application).toBeNull();
    expect(await mall.as('mx-shopper').call('merchant', 'apply', form('新店', 'mx-shopper'))).toMatchObject({ ok: true });
    // identity comes from the platform, never from the event
    expect(await mall.raw('mx-shopper', 'merchant', { action: 'myShops', openid: 'mx-owner' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('requireShopRole: owner and staff by role, others refused, writes refused while suspended', async () => {
    await mall.db.collection('roles').doc('mx-staff').set({ data: { platformAdmin: false, shops: [{ shopId, role: 'staff' }], updatedAt: new Date() } });
    const code = (p: Promise<unknown>) => p.then(() => 'ALLOWED', (e: { code?: string }) => e.code ?? String(e));
    const ctx = (openid: string) => ({ openid });

    expect(await code(auth.requireShopRole(ctx('mx-owner'), shopId, ['owner']))).toBe('ALLOWED');
    expect(await code(auth.requireShopRole(ctx('mx-staff'), shopId, ['owner', 'staff']))).toBe('ALLOWED');
    expect(await code(auth.requireShopRole(ctx('mx-staff'), shopId, ['owner']))).toBe('FORBIDDEN');
    expect(await code(auth.requireShopRole(ctx('mx-other-owner'), shopId, ['owner', 'staff']))).toBe('FORBIDDEN');
    expect(await code(auth.requireShopRole(ctx('mx-shopper'), shopId, ['owner', 'staff']))).toBe('FORBIDDEN');
    // an admin has no shop role by being an admin
    expect(await code(auth.requireShopRole(ctx(DB_ADMIN), shopId, ['owner', 'staff']))).toBe('FORBIDDEN');
    expect(await code(auth.requireShopRole(ctx('mx-owner'), 'no-such-shop', ['owner']))).toBe('NOT_FOUND');

    await mall.as(ENV_ADMIN).ok('merchant', 'suspendShop', { shopId });
    expect(await code(auth.requireShopRole(ctx('mx-owner'), shopId, ['owner']))).toBe('FORBIDDEN');
    expect(await code(auth.requireShopRole(ctx('mx-owner'), shopId, ['owner'], 'read'))).toBe('ALLOWED');
    await mall.as(ENV_ADMIN).ok('merchant', 'reinstateShop', { shopId });
    expect(await code(auth.requireShopRole(ctx('mx-owner'), shopId, ['owner']))).toBe('ALLOWED');

    expect(await code(auth.requirePlatformAdmin(ctx(DB_ADMIN)))).toBe('ALLOWED');
    expect(await code(auth.requirePlatformAdmin(ctx('mx-owner')))).toBe('FORBIDDEN');
    expect(auth.envPlatformAdmins({ PLATFORM_ADMIN_OPENIDS: ' a, b ,,' })).toEqual(new Set(['a', 'b']));
  });
});

test('merchant queries read shop_applications and roles only through ids and indexes', async () => {
  await mall.emu.control('/_emulator/db/plans/reset', {});
  const app = await mall.as('idx-user').ok('merchant', 'apply', form('索引店', 'idx-user'));
  await mall.as('idx-user').ok('merchant', 'myApplication', {});
  expect(await mall.as('idx-user').call('merchant', 'apply', form('索引店二', 'idx-user'))).toMatchObject({ ok: false });
  for (const status of ['pending', 'approved', 'rejected'] as const) await mall.as(ENV_ADMIN).ok('merchant', 'listApplications', { status, pageSize: 2 });
  const { shop } = await mall.as(ENV_ADMIN).ok('merchant', 'approve', { applicationId: app.id });
  await mall.as('idx-user').ok('merchant', 'myShops', {});
  await mall.as(ENV_ADMIN).ok('merchant', 'suspendShop', { shopId: shop.id });
  await mall.as(ENV_ADMIN).ok('merchant', 'reinstateShop', { shopId: shop.id });
  await mall.as(ENV_ADMIN).ok('merchant', 'listShops', { keyword: '索引' });
  await mall.as(ENV_ADMIN).ok('merchant', 'listShops', { status: 'active', pageSize: 2 });
  await mall.as(ENV_ADMIN).ok('merchant', 'shopDetail', { shopId: shop.id });
  const { collections } = await mall.emu.control<{ collections: Record<string, { id: number; index: number; scan: number; scans: Record<string, number> }> }>('/_emulator/db/plans');
  for (const c of ['shop_applications', 'roles', 'shops', 'goods']) {
    expect({ c, scan: collections[c]?.scan ?? 0, scans: collections[c]?.scans }).toMatchObject({ c, scan: 0 });
    expect((collections[c]?.id ?? 0) + (collections[c]?.index ?? 0)).toBeGreaterThan(0);
  }
});
