import { type Mall, startMall } from '../support/mall';

let mall: Mall;
beforeAll(async () => {
  mall = await startMall({ workers: 2 });
});
afterAll(() => mall.stop());

const home = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道100号' };

test('sign-in creates the profile once, keyed by OPENID', async () => {
  const first = await mall.as('alice').ok('user', 'signIn', {});
  expect(first).toMatchObject({ openid: 'alice', isNew: true });
  const again = await mall.as('alice').ok('user', 'signIn', {});
  expect(again.isNew).toBeUndefined();
  expect((await mall.db.collection('users').where({ _id: 'alice' }).count()).total).toBe(1);
});

test('concurrent first sign-ins create one profile', async () => {
  const results = await Promise.all([1, 2, 3].map(() => mall.as('carol').ok('user', 'signIn', {})));
  expect(results.filter((r) => r.isNew).length).toBeLessThanOrEqual(1);
  expect((await mall.db.collection('users').where({ _id: 'carol' }).count()).total).toBe(1);
});

test('profile update', async () => {
  const p = await mall.as('alice').ok('user', 'updateProfile', { nickname: ' 小爱 ' });
  expect(p.nickname).toBe('小爱');
});

describe('addresses', () => {
  test('the first address becomes the default; a new default clears the old one', async () => {
    const a = await mall.as('bob').ok('user', 'createAddress', home);
    expect(a.isDefault).toBe(true);
    const b = await mall.as('bob').ok('user', 'createAddress', { ...home, detail: '南京路1号', isDefault: true });
    const { addresses } = await mall.as('bob').ok('user', 'listAddresses', {});
    expect(addresses.map((x) => [x.id, x.isDefault])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    await mall.as('bob').ok('user', 'setDefaultAddress', { addressId: a.id });
    expect((await mall.as('bob').ok('user', 'listAddresses', {})).addresses.filter((x) => x.isDefault).map((x) => x.id)).toEqual([a.id]);
  });

  test('deleting the default promotes another', async () => {
    const { addresses } = await mall.as('bob').ok('user', 'listAddresses', {});
    const def = addresses.find((x) => x.isDefault)!;
    await mall.as('bob').ok('user', 'deleteAddress', { addressId: def.id });
    const after = (await mall.as('bob').ok('user', 'listAddresses', {})).addresses;
    expect(after).toHaveLength(addresses.length - 1);
    expect(after.filter((x) => x.isDefault)).toHaveLength(1);
  });

  test("a shopper cannot read, change or delete another shopper's address", async () => {
    const [bobs] = (await mall.as('bob').ok('user', 'listAddresses', {})).addresses;
    for (const action of ['getAddress', 'deleteAddress', 'setDefaultAddress'] as const) {
      const r = await mall.as('mallory').call('user', action, { addressId: bobs.id });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const r = await mall.as('mallory').call('user', 'updateAddress', { ...home, name: 'pwned', addressId: bobs.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await mall.as('bob').ok('user', 'getAddress', { addressId: bobs.id })).name).toBe(bobs.name);
  });

  test('bad input is refused with INVALID_ARGUMENT and changes nothing', async () => {
    const before = (await mall.as('dave').ok('user', 'listAddresses', {})).addresses.length;
    for (const bad of [{ ...home, phone: '123' }, { ...home, name: '' }, { ...home, openid: 'bob' }, { ...home, detail: 'x'.repeat(101) }]) {
      const r = await mall.raw('dave', 'user', { action: 'createAddress', ...bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect((await mall.as('dave').ok('user', 'listAddresses', {})).addresses).toHaveLength(before);
  });

  test('the user lock is given back: a shopper who never signed in can keep changing addresses', async () => {
    const who = 'never-signed-in';
    const a = await mall.as(who).ok('user', 'createAddress', home);
    expect(a.isDefault).toBe(true);
    const b = await mall.as(who).ok('user', 'createAddress', { ...home, detail: '第二个' });
    expect(b.isDefault).toBe(false);
    await mall.as(who).ok('user', 'setDefaultAddress', { addressId: b.id });
    await mall.as(who).ok('user', 'deleteAddress', { addressId: b.id });
    expect((await mall.as(who).ok('user', 'listAddresses', {})).addresses.map((x) => [x.id, x.isDefault])).toEqual([[a.id, true]]);
    const user = (await mall.db.collection('users').where({ _id: who }).get()).data[0];
    expect(user.lockUntil.getTime()).toBe(0);
  });

  test('a held lock refuses with CONFLICT and writes nothing; a lock whose lease ran out is taken over', async () => {
    const who = 'lock-holder';
    await mall.as(who).ok('user', 'signIn', {});
    await mall.db.collection('users').doc(who).update({ data: { lockToken: 'someone-else', lockUntil: new Date(Date.now() + 60_000) } });
    expect(await mall.as(who).call('user', 'createAddress', home)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '操作太频繁，请稍后再试' } });
    expect((await mall.db.collection('addresses').where({ openid: who }).count()).total).toBe(0);
    // a holder that died: its lease is over, so the next caller takes the lock
    await mall.db.collection('users').doc(who).update({ data: { lockUntil: new Date(Date.now() - 1) } });
    expect((await mall.as(who).ok('user', 'createAddress', home)).isDefault).toBe(true);
  }, 30_000);

  test('unknown actions and identity from the event are ignored', async () => {
    expect(await mall.raw('dave', 'user', { action: 'dropAll' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // the platform's userInfo is replaced by the gateway; a client-sent openid field is refused
    expect(await mall.raw('dave', 'user', { action: 'profile', openid: 'alice' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
