/**
 * Platform administration against the emulator: the category tree (create, edit, move with the
 * subtree's paths, hide, delete only when empty), home banners as the catalog shows them, the
 * dashboard, and refusals for everyone but platform admins.
 */
import { read, seedBanner, seedCategory, seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';

const ADMIN = 'pf-admin';
const ENV_ADMIN = 'pf-env-admin';
const IMG = 'cloud://local-env.6c6f/platform/a.png';

let mall: Mall;

beforeAll(async () => {
  mall = await startMall({ workers: 2, env: { PLATFORM_ADMIN_OPENIDS: ENV_ADMIN } });
  await mall.db.collection('roles').add({ data: { _id: ADMIN, platformAdmin: true, shops: [], updatedAt: new Date() } });
  await mall.db.collection('roles').add({ data: { _id: 'pf-owner', platformAdmin: false, shops: [{ shopId: 'pf-shop', role: 'owner' }], updatedAt: new Date() } });
  await seedShop(mall.db, { _id: 'pf-shop', ownerOpenid: 'pf-owner' });
}, 120_000);
afterAll(() => mall.stop());

const admin = () => mall.as(ADMIN);
const save = (over: Record<string, unknown>) => admin().ok('platform', 'saveCategory', { parentId: null, sort: 0, iconUrl: '', ...over } as any);

describe('categories', () => {
  test('create three levels with paths and levels; a fourth is refused', async () => {
    const top = await save({ name: ' 家居 ', sort: 5 });
    expect(top).toMatchObject({ name: '家居', parentId: null, level: 1, path: [top.id], status: 'active', sort: 5 });
    const mid = await save({ name: '厨房', parentId: top.id, iconUrl: IMG });
    expect(mid).toMatchObject({ level: 2, path: [top.id, mid.id], iconUrl: IMG });
    const leaf = await save({ name: '刀具', parentId: mid.id });
    expect(leaf).toMatchObject({ level: 3, path: [top.id, mid.id, leaf.id] });
    expect(await read(mall.db, 'categories', leaf.id)).toMatchObject({ level: 3, path: [top.id, mid.id, leaf.id], parentId: mid.id });

    expect(await admin().call('platform', 'saveCategory', { name: '太深', parentId: leaf.id, sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('platform', 'saveCategory', { name: '无父', parentId: 'no-such', sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('platform', 'saveCategory', { name: '厨房', parentId: top.id, sort: 1, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const tree = (await admin().ok('platform', 'listCategories', {})).categories;
    const home = tree.find((c) => c.id === top.id)!;
    expect(home.children.map((c) => c.name)).toEqual(['厨房']);
    expect(home.children[0]!.children.map((c) => c.name)).toEqual(['刀具']);
  });

  test('bad input is refused and changes nothing', async () => {
    const count = async () => (await mall.db.collection('categories').count()).total;
    const before = await count();
    for (const bad of [
      { name: '', parentId: null, sort: 0, iconUrl: '' },
      { name: '   ', parentId: null, sort: 0, iconUrl: '' },
      { name: 'x'.repeat(21), parentId: null, sort: 0, iconUrl: '' },
      { name: '图标', parentId: null, sort: 0, iconUrl: 'javascript:alert(1)' },
      { name: '小数', parentId: null, sort: 1.5, iconUrl: '' },
      { name: '多余', parentId: null, sort: 0, iconUrl: '', level: 1 },
      { name: '缺父', sort: 0, iconUrl: '' },
    ]) {
      expect(await mall.raw(ADMIN, 'platform', { action: 'saveCategory', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await count()).toBe(before);
    expect(await admin().call('platform', 'saveCategory', { id: 'no-such', name: 'x', parentId: null, sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('editing renames and re-sorts; moving rewrites the subtree and is refused while goods are filed there', async () => {
    const a = await save({ name: '运动' });
    const b = await save({ name: '户外' });
    const a1 = await save({ name: '跑步', parentId: a.id });
    const a11 = await save({ name: '跑鞋', parentId: a1.id });

    const renamed = await save({ id: a.id, name: '运动健身', sort: 9 });
    expect(renamed).toMatchObject({ id: a.id, name: '运动健身', sort: 9, level: 1 });

    // a1 (with its child) under b: paths and levels follow
    const moved = await save({ id: a1.id, name: '跑步', parentId: b.id });
    expect(moved).toMatchObject({ parentId: b.id, level: 2, path: [b.id, a1.id] });
    expect(await read(mall.db, 'categories', a11.id)).toMatchObject({ level: 3, path: [b.id, a1.id, a11.id] });

    // to the top: the child goes up a level too
    await save({ id: a1.id, name: '跑步', parentId: null });
    expect(await read(mall.db, 'categories', a1.id)).toMatchObject({ level: 1, path: [a1.id], parentId: null });
    expect(await read(mall.db, 'categories', a11.id)).toMatchObject({ level: 2, path: [a1.id, a11.id] });

    // not under itself or its own child; not deeper than three levels
    expect(await admin().call('platform', 'saveCategory', { id: a1.id, name: '跑步', parentId: a11.id, sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('platform', 'saveCategory', { id: a1.id, name: '跑步', parentId: a1.id, sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const deep = await save({ name: '深层', parentId: b.id });
    expect(await admin().call('platform', 'saveCategory', { id: a1.id, name: '跑步', parentId: deep.id, sort: 0, iconUrl: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

    // goods filed under the child: the parent cannot move, but can still be renamed
    await seedGoods(mall.db, { _id: 'pf-g1', shopId: 'pf-shop', categoryIds: [a1.id, a11.id] }, [{ _id: 'pf-k1', priceFen: 100, stock: 1 }]);
    const refused = await admin().call('platform', 'saveCategory', { id: a1.id, name: '跑步', parentId: b.id, sort: 0, iconUrl: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { goods: 1 } } });
    expect(await read(mall.db, 'categories', a1.id)).toMatchObject({ parentId: null, path: [a1.id] });
    expect(await save({ id: a1.id, name: '跑步装备', parentId: null })).toMatchObject({ name: '跑步装备' });
  });

  test('hiding takes the subtree out of the catalog; showing brings it back', async () => {
    const top = await save({ name: '宠物' });
    const child = await save({ name: '猫粮', parentId: top.id });
    const inCatalog = async () => (await mall.as('pf-shopper').ok('catalog', 'categories', {})).categories.some((c) => c.id === top.id);
    expect(await inCatalog()).toBe(true);

    expect(await admin().ok('platform', 'setCategoryStatus', { id: top.id, status: 'hidden' })).toMatchObject({ id: top.id, status: 'hidden' });
    expect(await inCatalog()).toBe(false);
    // admins still see it, with its child
    const tree = (await admin().ok('platform', 'listCategories', {})).categories;
    expect(tree.find((c) => c.id === top.id)).toMatchObject({ status: 'hidden', children: [expect.objectContaining({ id: child.id })] });
    // repeating changes nothing
    expect(await admin().ok('platform', 'setCategoryStatus', { id: top.id, status: 'hidden' })).toMatchObject({ status: 'hidden' });

    await admin().ok('platform', 'setCategoryStatus', { id: top.id, status: 'active' });
    expect(await inCatalog()).toBe(true);
    expect(await admin().call('platform', 'setCategoryStatus', { id: 'no-such', status: 'hidden' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.raw(ADMIN, 'platform', { action: 'setCategoryStatus', id: top.id, status: 'deleted' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('only an empty category can be deleted', async () => {
    const top = await save({ name: '图书' });
    const child = await save({ name: '童书', parentId: top.id });
    await seedGoods(mall.db, { _id: 'pf-g2', shopId: 'pf-shop', categoryIds: [top.id, child.id], status: 'off_shelf' }, [{ _id: 'pf-k2', priceFen: 100, stock: 1 }]);
    await seedBanner(mall.db, { _id: 'pf-b-link', link: { type: 'category', categoryId: child.id } });

    expect(await admin().call('platform', 'deleteCategory', { id: top.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { children: 1 } } });
    expect(await admin().call('platform', 'deleteCategory', { id: child.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { goods: 1 } } });
    await mall.db.collection('goods').doc('pf-g2').remove();
    expect(await admin().call('platform', 'deleteCategory', { id: child.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { banners: 1 } } });
    await mall.db.collection('banners').doc('pf-b-link').remove();
    expect(await read(mall.db, 'categories', child.id)).not.toBeNull();

    expect(await admin().ok('platform', 'deleteCategory', { id: child.id })).toEqual({ id: child.id });
    expect(await admin().ok('platform', 'deleteCategory', { id: top.id })).toEqual({ id: top.id });
    expect(await read(mall.db, 'categories', top.id)).toBeNull();
    expect(await admin().call('platform', 'deleteCategory', { id: top.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('banners', () => {
  const banner = (over: Record<string, unknown> = {}) => ({ title: '双十一', imageUrl: IMG, link: { type: 'none' }, sort: 0, status: 'active', ...over });

  test('create, edit, hide and delete, as the home screen shows them', async () => {
    await seedCategory(mall.db, { _id: 'pf-c-banner' });
    const homeBanners = async () => (await mall.as('pf-shopper').ok('catalog', 'home', {})).banners.map((b) => b.title);

    const first = await admin().ok('platform', 'saveBanner', banner({ title: '秋季上新', sort: 2, link: { type: 'category', categoryId: 'pf-c-banner' } }) as any);
    const second = await admin().ok('platform', 'saveBanner', banner({ title: '满减专场', sort: 1, link: { type: 'search', keyword: ' 满减 ' } }) as any);
    expect(second.link).toEqual({ type: 'search', keyword: '满减' });
    expect(await homeBanners()).toEqual(['满减专场', '秋季上新']);

    const edited = await admin().ok('platform', 'saveBanner', banner({ id: first.id, title: '秋季上新2', sort: 0, status: 'active' }) as any);
    expect(edited).toMatchObject({ id: first.id, title: '秋季上新2', link: { type: 'none' } });
    expect((await read(mall.db, 'banners', first.id)).createdAt).toBeInstanceOf(Date);
    expect(await homeBanners()).toEqual(['秋季上新2', '满减专场']);

    await admin().ok('platform', 'saveBanner', banner({ id: second.id, title: '满减专场', sort: 1, status: 'hidden' }) as any);
    expect(await homeBanners()).toEqual(['秋季上新2']);
    expect((await admin().ok('platform', 'listBanners', {})).banners.map((b) => [b.title, b.status])).toEqual([
      ['秋季上新2', 'active'],
      ['满减专场', 'hidden'],
    ]);

    expect(await admin().ok('platform', 'deleteBanner', { id: second.id })).toEqual({ id: second.id });
    expect(await read(mall.db, 'banners', second.id)).toBeNull();
    expect(await admin().call('platform', 'deleteBanner', { id: second.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await admin().ok('platform', 'deleteBanner', { id: first.id });
  });

  test('links must point at something that exists; bad input changes nothing', async () => {
    const count = async () => (await mall.db.collection('banners').count()).total;
    const before = await count();
    expect(await admin().call('platform', 'saveBanner', banner({ link: { type: 'goods', goodsId: 'no-such' } }) as any)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await admin().call('platform', 'saveBanner', banner({ link: { type: 'category', categoryId: 'no-such' } }) as any)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    for (const bad of [
      banner({ title: '' }),
      banner({ imageUrl: '' }),
      banner({ imageUrl: 'ftp://x/y.png' }),
      banner({ link: { type: 'web', url: 'https://evil.example' } }),
      banner({ link: { type: 'search', keyword: '   ' } }),
      banner({ status: 'deleted' }),
      banner({ createdAt: 1 }),
    ]) {
      expect(await mall.raw(ADMIN, 'platform', { action: 'saveBanner', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await admin().call('platform', 'saveBanner', banner({ id: 'no-such' }) as any)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await count()).toBe(before);
  });
});

test('dashboard counts pending applications, shops by status, categories and active banners', async () => {
  await mall.as('pf-applicant').ok('merchant', 'apply', { shopName: '看板店', contactName: '王五', phone: '13700137000', licenseFileId: 'cloud://local-env.6c6f/private/licence/pf-applicant/x.jpg' });
  await seedShop(mall.db, { _id: 'pf-suspended', status: 'suspended' });
  const d = await mall.as(ENV_ADMIN).ok('platform', 'dashboard', {});
  expect(d).toEqual({
    pendingApplications: 1,
    activeShops: 1,
    suspendedShops: 1,
    categories: (await mall.db.collection('categories').count()).total,
    activeBanners: (await mall.db.collection('banners').where({ status: 'active' }).count()).total,
  });
});

test('every action is refused to shoppers and shop owners, and changes nothing', async () => {
  await seedCategory(mall.db, { _id: 'pf-c-authz' });
  await seedBanner(mall.db, { _id: 'pf-b-authz' });
  const payloads: Record<string, unknown> = {
    dashboard: {},
    listCategories: {},
    saveCategory: { name: '越权', parentId: null, sort: 0, iconUrl: '' },
    setCategoryStatus: { id: 'pf-c-authz', status: 'hidden' },
    deleteCategory: { id: 'pf-c-authz' },
    listBanners: {},
    saveBanner: { title: '越权', imageUrl: IMG, link: { type: 'none' }, sort: 0, status: 'active' },
    deleteBanner: { id: 'pf-b-authz' },
  };
  const snapshot = async () => ({
    categories: (await mall.db.collection('categories').limit(1000).get()).data,
    banners: (await mall.db.collection('banners').limit(1000).get()).data,
  });
  const before = await snapshot();
  for (const caller of ['pf-shopper', 'pf-owner']) {
    for (const [action, payload] of Object.entries(payloads)) {
      const r = await mall.as(caller).call('platform', action as any, payload as any);
      expect({ caller, action, r }).toEqual({ caller, action, r: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
    }
  }
  expect(await snapshot()).toEqual(before);
  // the env-var admin may
  expect(await mall.as(ENV_ADMIN).call('platform', 'listCategories', {})).toMatchObject({ ok: true });
});

test('platform queries use ids and indexes only', async () => {
  await mall.emu.control('/_emulator/db/plans/reset', {});
  await admin().ok('platform', 'dashboard', {});
  const top = await save({ name: '索引' });
  const child = await save({ name: '索引子', parentId: top.id });
  await save({ id: child.id, name: '索引子', parentId: null });
  await admin().ok('platform', 'listCategories', {});
  await admin().ok('platform', 'setCategoryStatus', { id: top.id, status: 'hidden' });
  await admin().ok('platform', 'deleteCategory', { id: child.id });
  const b = await admin().ok('platform', 'saveBanner', { title: '索引', imageUrl: IMG, link: { type: 'none' }, sort: 0, status: 'active' });
  await admin().ok('platform', 'listBanners', {});
  await admin().ok('platform', 'deleteBanner', { id: b.id });
  const { collections } = await mall.emu.control<{ collections: Record<string, { scan: number; scans: Record<string, number> }> }>('/_emulator/db/plans');
  for (const c of ['categories', 'banners', 'goods', 'shops', 'shop_applications', 'roles']) {
    expect({ c, scan: collections[c]?.scan ?? 0, scans: collections[c]?.scans }).toMatchObject({ c, scan: 0 });
  }
});
