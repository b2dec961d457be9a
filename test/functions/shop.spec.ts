/**
 * The shop admin function against the emulator: goods with their SKU matrix (ids kept across
 * edits, stock changed by difference so concurrent sales stay sold), shelf status, cross-shop and
 * suspended-shop refusals, settings, staff invitations (once only, expiry, races) and the overview
 * figures. Tests that move the emulator clock come last.
 */
import type { GoodsInput, ShopGoodsDetail } from '../../miniprogram/contracts';
import { read, seedCategory, seedGoods, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, payFor, seedAddress } from './checkout-fixtures';

let mall: Mall;

const OWNER = 'shop-owner-a';
const STAFF = 'shop-staff-a';
const OWNER_B = 'shop-owner-b';
const OWNER_S = 'shop-owner-s';
const BUYER = 'shop-buyer';

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  const db = mall.db;
  await seedShop(db, { _id: 'sa', name: '甲店', ownerOpenid: OWNER });
  await seedShop(db, { _id: 'sb', name: '乙店', ownerOpenid: OWNER_B });
  await seedShop(db, { _id: 'ss', name: '停业店', ownerOpenid: OWNER_S, status: 'suspended' });
  await seedCategory(db, { _id: 'fruit', name: '水果' });
  await seedCategory(db, { _id: 'apple', name: '苹果', parentId: 'fruit' });
  await seedCategory(db, { _id: 'gone', name: '停用', status: 'hidden' });
  await seedCategory(db, { _id: 'under-gone', name: '停用之下', parentId: 'gone' });
  const now = new Date();
  for (const r of [
    { _id: OWNER, shops: [{ shopId: 'sa', role: 'owner' }] },
    { _id: STAFF, shops: [{ shopId: 'sa', role: 'staff' }] },
    { _id: OWNER_B, shops: [{ shopId: 'sb', role: 'owner' }] },
    { _id: OWNER_S, shops: [{ shopId: 'ss', role: 'owner' }] },
  ]) {
    await db.collection('roles').add({ data: { ...r, platformAdmin: false, updatedAt: now } });
  }
  await seedAddress(db, BUYER);
}, 120_000);
afterAll(() => mall?.stop());

const IMG = 'cloud://local-env.6c6f/goods/a.jpg';

function form(over: Partial<GoodsInput> = {}): GoodsInput {
  return {
    shopId: 'sa',
    title: '红富士苹果',
    subtitle: '脆甜多汁',
    images: [IMG, 'cloud://local-env.6c6f/goods/b.jpg'],
    categoryId: 'apple',
    specs: [
      { name: '重量', values: ['5斤', '10斤'] },
      { name: '果径', values: ['75mm', '85mm'] },
    ],
    skus: [
      { specValues: { 重量: '5斤', 果径: '75mm' }, priceFen: 2990, stock: 10, code: 'A-5-75' },
      { specValues: { 重量: '5斤', 果径: '85mm' }, priceFen: 3990, stock: 20 },
      { specValues: { 重量: '10斤', 果径: '75mm' }, priceFen: 5490, stock: 3, lowStockThreshold: 2 },
      { specValues: { 重量: '10斤', 果径: '85mm' }, priceFen: 6990, stock: 0 },
    ],
    ...over,
  };
}

/** The form of a loaded goods item as the edit page sends it back (stock unchanged). */
function editForm(d: ShopGoodsDetail, change: (rows: GoodsInput['skus']) => GoodsInput['skus'] = (r) => r): GoodsInput {
  return {
    shopId: d.shopId,
    goodsId: d.id,
    title: d.title,
    subtitle: d.subtitle,
    images: d.images,
    categoryId: d.categoryId,
    specs: d.specs,
    skus: change(d.skus.map((s) => ({ specValues: s.specValues, priceFen: s.priceFen, stock: s.stock, baseStock: s.stock, code: s.code, lowStockThreshold: s.lowStockThreshold }))),
  };
}

async function dump(coll: string, query: Record<string, unknown>): Promise<any[]> {
  return (await mall.db.collection(coll).where(query).limit(1000).get()).data.sort((a: any, b: any) => String(a._id).localeCompare(String(b._id)));
}

describe('goods', () => {
  test('creating builds the SKU matrix, keeps goods price and stock in step, and starts off the shelf', async () => {
    const d = await mall.as(OWNER).ok('shop', 'saveGoods', form());
    expect(d).toMatchObject({ shopId: 'sa', title: '红富士苹果', status: 'off_shelf', priceFen: 2990, stock: 33, categoryId: 'apple', categoryPath: ['fruit', 'apple'], categoryNames: ['水果', '苹果'] });
    expect(d.skus.map((s) => [s.specText, s.priceFen, s.stock, s.code, s.lowStockThreshold])).toEqual([
      ['5斤 / 75mm', 2990, 10, 'A-5-75', 5],
      ['5斤 / 85mm', 3990, 20, '', 5],
      ['10斤 / 75mm', 5490, 3, '', 2],
      ['10斤 / 85mm', 6990, 0, '', 5],
    ]);
    const goods = await read(mall.db, 'goods', d.id);
    expect(goods).toMatchObject({ coverUrl: IMG, categoryIds: ['fruit', 'apple'], priceFen: 2990, stock: 33, sales: 0 });
    // not for sale until put on the shelf
    expect((await mall.as(BUYER).call('cart', 'add', { skuId: d.skus[0]!.id, quantity: 1 })).ok).toBe(false);
    expect(await mall.as(STAFF).ok('shop', 'setOnShelf', { shopId: 'sa', goodsId: d.id, onShelf: true })).toEqual({ id: d.id, status: 'on_shelf' });
    expect((await mall.as(BUYER).ok('catalog', 'detail', { goodsId: d.id })).onShelf).toBe(true);
    const list = await mall.as(STAFF).ok('shop', 'listGoods', { shopId: 'sa', status: 'on_shelf' });
    expect(list.items.map((g) => [g.id, g.lowStock])).toEqual([[d.id, true]]);
    expect((await mall.as(OWNER).ok('shop', 'listGoods', { shopId: 'sa', keyword: '富士' })).items).toHaveLength(1);
    expect((await mall.as(OWNER).ok('shop', 'listGoods', { shopId: 'sa', keyword: '香蕉' })).items).toHaveLength(0);
  });

  test('a goods item without specs has one SKU', async () => {
    const d = await mall.as(STAFF).ok('shop', 'saveGoods', form({ title: '单品', specs: [], skus: [{ specValues: {}, priceFen: 100, stock: 7 }], onShelf: true }));
    expect(d).toMatchObject({ status: 'on_shelf', priceFen: 100, stock: 7 });
    expect(d.skus).toEqual([expect.objectContaining({ specValues: {}, specText: '', stock: 7 })]);
  });

  test('editing keeps the ids of unchanged combinations, adds and removes the others, and carts see the removal', async () => {
    const d = await mall.as(OWNER).ok('shop', 'saveGoods', form({ onShelf: true }));
    const id = (text: string) => d.skus.find((s) => s.specText === text)!.id;
    await mall.as(BUYER).ok('cart', 'add', { skuId: id('5斤 / 85mm'), quantity: 1 });

    // 85mm goes, 95mm comes; 75mm rows keep their ids (the dimensions also swap places)
    const next = editForm(d, (rows) => [
      ...rows.filter((r) => r.specValues['果径'] === '75mm').map((r) => ({ ...r, priceFen: r.priceFen + 100 })),
      { specValues: { 重量: '5斤', 果径: '95mm' }, priceFen: 4990, stock: 4 },
      { specValues: { 重量: '10斤', 果径: '95mm' }, priceFen: 7990, stock: 6 },
    ]);
    next.specs = [
      { name: '果径', values: ['75mm', '95mm'] },
      { name: '重量', values: ['5斤', '10斤'] },
    ];
    const e = await mall.as(OWNER).ok('shop', 'saveGoods', next);
    expect(e.skus.map((s) => s.specText)).toEqual(['75mm / 5斤', '75mm / 10斤', '95mm / 5斤', '95mm / 10斤']);
    expect(e.skus[0]!.id).toBe(id('5斤 / 75mm'));
    expect(e.skus[1]!.id).toBe(id('10斤 / 75mm'));
    expect(e.priceFen).toBe(3090);
    expect(e.stock).toBe(10 + 3 + 4 + 6);
    expect(await dump('skus', { goodsId: d.id })).toHaveLength(4);
    expect(await read(mall.db, 'goods', d.id)).toMatchObject({ stock: 23, priceFen: 3090 });
    const cart = await mall.as(BUYER).ok('cart', 'view', {});
    const line = cart.shops.flatMap((s) => s.lines).find((l) => l.skuId === id('5斤 / 85mm'));
    expect(line?.state).toBe('sku_removed');
  });

  test('stock changes by difference: pieces sold while the form was open stay sold', async () => {
    const d = await mall.as(OWNER).ok('shop', 'saveGoods', form({ onShelf: true, specs: [], skus: [{ specValues: {}, priceFen: 1000, stock: 10 }] }));
    const sku = d.skus[0]!.id;
    // the shopper buys 3 while the owner edits (form loaded at 10)
    await checkout(mall, BUYER, [{ skuId: sku, quantity: 3 }]);
    expect((await read(mall.db, 'skus', sku)).stock).toBe(7);

    const raised = await mall.as(OWNER).ok('shop', 'saveGoods', editForm(d, (rows) => rows.map((r) => ({ ...r, stock: 15 }))));
    expect(raised.skus[0]).toMatchObject({ id: sku, stock: 12 });
    expect(raised.stock).toBe(12);

    // a decrease larger than what is left is refused with the live figure, and nothing changes
    const before = await dump('skus', { goodsId: d.id });
    const stale = editForm(raised, (rows) => rows.map((r) => ({ ...r, baseStock: 20, stock: 0, priceFen: 1 })));
    const r = await mall.as(OWNER).call('shop', 'saveGoods', stale);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { skuId: sku, stock: 12 } } });
    expect(await dump('skus', { goodsId: d.id })).toEqual(before);

    // concurrent saves that each add 5 both count
    await Promise.all([1, 2].map(() => mall.as(OWNER).ok('shop', 'saveGoods', editForm(raised, (rows) => rows.map((x) => ({ ...x, stock: x.stock + 5 }))))));
    expect((await read(mall.db, 'skus', sku)).stock).toBe(22);
    expect((await read(mall.db, 'goods', d.id)).stock).toBe(22);
  });

  test('bad input is refused with a clear code and writes nothing', async () => {
    const count = async () => (await dump('goods', { shopId: 'sa' })).length;
    const n = await count();
    const cases: Array<[Partial<GoodsInput>, string]> = [
      [{ categoryId: 'nope' }, 'INVALID_ARGUMENT'],
      [{ categoryId: 'under-gone' }, 'INVALID_ARGUMENT'],
      [{ skus: [{ specValues: { 重量: '5斤', 果径: '99mm' }, priceFen: 100, stock: 1 }] }, 'INVALID_ARGUMENT'],
      [{ skus: [{ specValues: { 重量: '5斤' }, priceFen: 100, stock: 1 }] }, 'INVALID_ARGUMENT'],
      [{ specs: [{ name: '重量', values: ['5斤', '5斤'] }], skus: [{ specValues: { 重量: '5斤' }, priceFen: 100, stock: 1 }] }, 'INVALID_ARGUMENT'],
      [{ specs: [], skus: [{ specValues: {}, priceFen: 0, stock: 1 }] }, 'INVALID_ARGUMENT'],
      [{ specs: [], skus: [{ specValues: {}, priceFen: 100, stock: -1 }] }, 'INVALID_ARGUMENT'],
      [{ specs: [], skus: [{ specValues: {}, priceFen: 1.5, stock: 1 }] }, 'INVALID_ARGUMENT'],
      [{ images: [] }, 'INVALID_ARGUMENT'],
      [{ images: ['file:///etc/passwd'] }, 'INVALID_ARGUMENT'],
      [{ title: '   ' }, 'INVALID_ARGUMENT'],
    ];
    for (const [over, code] of cases) {
      const r = await mall.as(OWNER).call('shop', 'saveGoods', form(over));
      expect([over, r.ok ? 'ok' : r.error.code]).toEqual([over, code]);
    }
    expect(await count()).toBe(n);
  });

  test('a spec name that cannot be a field name (__proto__, constructor, a.b, $x) is refused in Chinese on create and edit, and changes nothing', async () => {
    const d = await mall.as(OWNER).ok('shop', 'saveGoods', form());
    const before = { goods: await dump('goods', { shopId: 'sa' }), skus: await dump('skus', { shopId: 'sa' }) };
    // (`constructor` and `hasOwnProperty` are longer than a spec name may be: refused by length first)
    for (const name of ['__proto__', 'prototype', 'toString', 'valueOf', '重.量', '$set', 'constructor', 'hasOwnProperty']) {
      // computed keys make own properties, so the JSON sent holds the name as a key, as a client could send it
      const specs = [{ name, values: ['5斤'] }];
      const skus = [{ specValues: { [name]: '5斤' }, priceFen: 100, stock: 1 }];
      expect(JSON.stringify(skus)).toContain(JSON.stringify(name));
      for (const payload of [form({ specs, skus }), { ...editForm(d), specs, skus }]) {
        const r = await mall.raw(OWNER, 'shop', { action: 'saveGoods', ...payload });
        const message = name.length > 10 ? expect.stringContaining('/specs/0/name') : expect.stringContaining(`规格名称「${name}」不能使用`);
        expect({ name, r }).toMatchObject({ name, r: { ok: false, error: { code: 'INVALID_ARGUMENT', message } } });
      }
    }
    // a valid spec whose rows smuggle an extra `__proto__` key
    const smuggled = editForm(d, (rows) => rows.map((r) => ({ ...r, specValues: { ...r.specValues, ['__proto__']: 'x' } })));
    expect(await mall.raw(OWNER, 'shop', { action: 'saveGoods', ...smuggled })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect({ goods: await dump('goods', { shopId: 'sa' }), skus: await dump('skus', { shopId: 'sa' }) }).toEqual(before);
    // the goods stays editable
    const again = await mall.as(OWNER).ok('shop', 'saveGoods', { ...editForm(d), title: '还能编辑' });
    expect(again.skus.map((s) => s.specValues)).toEqual(d.skus.map((s) => s.specValues));
    expect(again.title).toBe('还能编辑');
  });

  test('a shop never touches another shop’s goods', async () => {
    const d = await mall.as(OWNER).ok('shop', 'saveGoods', form());
    // through its own shop id: the goods is not there
    for (const [action, payload] of [
      ['getGoods', { shopId: 'sb', goodsId: d.id }],
      ['setOnShelf', { shopId: 'sb', goodsId: d.id, onShelf: true }],
      ['saveGoods', { ...editForm(d), shopId: 'sb' }],
    ] as const) {
      expect(await mall.as(OWNER_B).call('shop', action as any, payload as any)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // through the other shop's id: no role there
    expect(await mall.as(OWNER_B).call('shop', 'getGoods', { shopId: 'sa', goodsId: d.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await mall.as(OWNER_B).ok('shop', 'listGoods', { shopId: 'sb' })).items.map((g) => g.id)).not.toContain(d.id);
    expect(await read(mall.db, 'goods', d.id)).toMatchObject({ shopId: 'sa', status: 'off_shelf' });
  });

  test('a suspended shop can look but not change goods', async () => {
    await seedGoods(mall.db, { _id: 'ss-g', shopId: 'ss', categoryIds: ['fruit'] }, [{ _id: 'ss-sku', priceFen: 100, stock: 1 }]);
    expect((await mall.as(OWNER_S).ok('shop', 'listGoods', { shopId: 'ss' })).items.map((g) => g.id)).toEqual(['ss-g']);
    const d = await mall.as(OWNER_S).ok('shop', 'getGoods', { shopId: 'ss', goodsId: 'ss-g' });
    expect(await mall.as(OWNER_S).call('shop', 'saveGoods', editForm(d))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { shopStatus: 'suspended' } } });
    expect(await mall.as(OWNER_S).call('shop', 'setOnShelf', { shopId: 'ss', goodsId: 'ss-g', onShelf: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER_S).call('shop', 'saveSettings', { shopId: 'ss', name: 'x', logoUrl: '', announcement: '', bannerUrl: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await mall.as(OWNER_S).ok('shop', 'overview', { shopId: 'ss' })).shop.status).toBe('suspended');
  });
});

describe('settings', () => {
  test('the owner saves name, logo, announcement, banner and shipping; staff only read', async () => {
    const s = await mall.as(STAFF).ok('shop', 'getSettings', { shopId: 'sa' });
    expect(s).toMatchObject({ id: 'sa', name: '甲店', announcement: '', bannerUrl: '', role: 'staff' });
    const input = { shopId: 'sb', name: ' 乙店旗舰 ', logoUrl: 'cloud://local-env.6c6f/logo.png', announcement: '全场包邮', bannerUrl: 'cloud://local-env.6c6f/banner.png', shipping: { feeFen: 500, freeThresholdFen: 5000 } };
    expect(await mall.as(OWNER_B).ok('shop', 'saveSettings', input)).toMatchObject({ name: '乙店旗舰', announcement: '全场包邮', role: 'owner', shipping: { feeFen: 500, freeThresholdFen: 5000 } });
    expect(await read(mall.db, 'shops', 'sb')).toMatchObject({ name: '乙店旗舰', logoUrl: input.logoUrl, bannerUrl: input.bannerUrl, announcement: '全场包邮' });
    expect(await mall.as(STAFF).call('shop', 'saveSettings', { shopId: 'sa', name: 'x', logoUrl: '', announcement: '', bannerUrl: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER_B).call('shop', 'saveSettings', { ...input, name: '店'.repeat(31) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await mall.as(OWNER_B).call('shop', 'saveSettings', { ...input, name: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // shipping stays when omitted
    await mall.as(OWNER_B).ok('shop', 'saveSettings', { shopId: 'sb', name: '乙店', logoUrl: '', announcement: '', bannerUrl: '' });
    expect(await read(mall.db, 'shops', 'sb')).toMatchObject({ name: '乙店', shipping: { feeFen: 500, freeThresholdFen: 5000 } });
  });
});

describe('staff', () => {
  test('an invite code works once, idempotently for its user; only the owner invites and removes', async () => {
    expect(await mall.as(STAFF).call('shop', 'createInvite', { shopId: 'sa' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const invite = await mall.as(OWNER).ok('shop', 'createInvite', { shopId: 'sa' });
    expect(invite.code).toMatch(/^[A-Z0-9]{8}$/);

    const joined = await mall.as('newbie').ok('shop', 'acceptInvite', { code: invite.code.toLowerCase() });
    expect(joined).toEqual({ shop: { id: 'sa', name: '甲店', status: 'active' }, role: 'staff' });
    expect(await mall.as('newbie').ok('shop', 'acceptInvite', { code: invite.code })).toEqual(joined);
    expect(await read(mall.db, 'roles', 'newbie')).toMatchObject({ shops: [{ shopId: 'sa', role: 'staff' }] });
    expect(await mall.as('latecomer').call('shop', 'acceptInvite', { code: invite.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'used' } } });
    expect(await read(mall.db, 'roles', 'latecomer')).toBeNull();
    expect(await mall.as('latecomer').call('shop', 'acceptInvite', { code: 'ZZZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await mall.as('newbie').ok('merchant', 'myShops', {})).shops).toEqual([{ id: 'sa', name: '甲店', status: 'active', role: 'staff' }]);

    const { members } = await mall.as(STAFF).ok('shop', 'listStaff', { shopId: 'sa' });
    expect(members.map((m) => [m.openid, m.role])).toEqual([[OWNER, 'owner'], ['newbie', 'staff'], [STAFF, 'staff']]);

    expect(await mall.as(STAFF).call('shop', 'removeStaff', { shopId: 'sa', openid: 'newbie' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER).call('shop', 'removeStaff', { shopId: 'sa', openid: OWNER })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await mall.as(OWNER).call('shop', 'removeStaff', { shopId: 'sa', openid: 'stranger' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await mall.as(OWNER).ok('shop', 'removeStaff', { shopId: 'sa', openid: 'newbie' })).toEqual({ removed: true });
    expect(await mall.as('newbie').call('shop', 'overview', { shopId: 'sa' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // an owner of one shop joins another as staff, keeping the first
    const other = await mall.as(OWNER_B).ok('shop', 'createInvite', { shopId: 'sb' });
    await mall.as(OWNER).ok('shop', 'acceptInvite', { code: other.code });
    expect((await read(mall.db, 'roles', OWNER)).shops).toEqual([{ shopId: 'sa', role: 'owner' }, { shopId: 'sb', role: 'staff' }]);
  });

  test('a code of a suspended shop is refused and stays unused', async () => {
    const now = new Date();
    await mall.db.collection('shop_invites').add({ data: { _id: 'SUSP2345', shopId: 'ss', role: 'staff', createdBy: OWNER_S, status: 'open', createdAt: now, expiresAt: new Date(now.getTime() + 3600_000) } });
    expect(await mall.as('hopeful').call('shop', 'acceptInvite', { code: 'SUSP2345' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { shopStatus: 'suspended' } } });
    expect(await read(mall.db, 'shop_invites', 'SUSP2345')).toMatchObject({ status: 'open' });
    expect(await read(mall.db, 'roles', 'hopeful')).toBeNull();
  });

  test('two people racing for one code: exactly one joins', async () => {
    const invite = await mall.as(OWNER).ok('shop', 'createInvite', { shopId: 'sa' });
    const racers = ['racer-1', 'racer-2', 'racer-3'];
    const results = await Promise.all(racers.map((openid) => mall.as(openid).call('shop', 'acceptInvite', { code: invite.code })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['CONFLICT', 'CONFLICT']);
    const withRole = (await Promise.all(racers.map((o) => read(mall.db, 'roles', o)))).filter(Boolean);
    expect(withRole).toHaveLength(1);
    expect(await read(mall.db, 'shop_invites', invite.code)).toMatchObject({ status: 'used', usedBy: withRole[0]._id });
  });
});

describe('overview', () => {
  test('counts today’s paid orders and amount, orders to ship, waiting after-sales and low-stock SKUs', async () => {
    await seedShop(mall.db, { _id: 'so', name: '概览店', ownerOpenid: 'ov-owner', shipping: { feeFen: 0, freeThresholdFen: null } });
    await mall.db.collection('roles').add({ data: { _id: 'ov-owner', platformAdmin: false, shops: [{ shopId: 'so', role: 'owner' }], updatedAt: new Date() } });
    await seedGoods(mall.db, { _id: 'so-g', shopId: 'so', categoryIds: ['fruit'] }, [
      { _id: 'so-1', priceFen: 1000, stock: 50 },
      { _id: 'so-2', priceFen: 500, stock: 6, specValues: { 色: '红' } },
    ]);
    const empty = await mall.as('ov-owner').ok('shop', 'overview', { shopId: 'so' });
    expect(empty).toMatchObject({ shop: { id: 'so', name: '概览店', status: 'active' }, role: 'owner', todayOrders: 0, todayPaidFen: 0, toShip: 0, afterSalesWaiting: 0, lowStockSkus: 0 });

    const a = await checkout(mall, BUYER, [{ skuId: 'so-1', quantity: 2 }]);
    await payFor(mall, BUYER, a.created.paymentId);
    const b = await checkout(mall, BUYER, [{ skuId: 'so-2', quantity: 1 }]);
    await payFor(mall, BUYER, b.created.paymentId);
    await checkout(mall, BUYER, [{ skuId: 'so-1', quantity: 1 }]); // unpaid: not counted
    // paid yesterday: still to ship, but not today's
    const c = await checkout(mall, BUYER, [{ skuId: 'so-1', quantity: 3 }]);
    await payFor(mall, BUYER, c.created.paymentId);
    await mall.db.collection('orders').doc(c.created.orderIds[0]).update({ data: { paidAt: new Date(Date.now() - 25 * 3600_000) } });

    const names = (await mall.emu.control<{ collections?: string[] }>('/_emulator/db/collections')).collections ?? [];
    let waiting = 0;
    if (JSON.stringify(names).includes('after_sales')) {
      await mall.db.collection('after_sales').add({ data: { _id: 'ov-as-1', shopId: 'so', status: 'requested' } });
      await mall.db.collection('after_sales').add({ data: { _id: 'ov-as-2', shopId: 'so', status: 'returning' } });
      await mall.db.collection('after_sales').add({ data: { _id: 'ov-as-3', shopId: 'so', status: 'rejected' } });
      await mall.db.collection('after_sales').add({ data: { _id: 'ov-as-4', shopId: 'sa', status: 'requested' } });
      waiting = 2;
    }
    const o = await mall.as('ov-owner').ok('shop', 'overview', { shopId: 'so' });
    expect(o).toMatchObject({ todayOrders: 2, todayPaidFen: 2500, toShip: 3, afterSalesWaiting: waiting, lowStockSkus: 1 });
  });

  test('an order paid before Beijing midnight is not today’s', async () => {
    const { beijingDay } = await import('../../cloudfunctions/shop/src/overview');
    const at = Date.parse('2026-11-22T15:59:59Z'); // 23:59:59 in Beijing
    expect(beijingDay(at).start.toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(beijingDay(at + 1000).start.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });
});

describe('after the clock moves', () => {
  test('an invite code expires after 24 hours', async () => {
    const invite = await mall.as(OWNER).ok('shop', 'createInvite', { shopId: 'sa' });
    expect(invite.expiresAt).toBeGreaterThan(Date.now());
    await mall.advance(24 * 3600_000 + 60_000);
    expect(await mall.as('too-late').call('shop', 'acceptInvite', { code: invite.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'expired' } } });
    expect(await read(mall.db, 'roles', 'too-late')).toBeNull();
  });
});
