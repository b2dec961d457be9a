/**
 * The authorisation matrix (issue 4, acceptance 1). Every admin and shop action, contributed as
 * cases by `test/functions/authz/*.cases.ts`, is called as each kind of caller of
 * `authz/types.ts`: a plain shopper, staff of another shop, the owner of a suspended shop, the right
 * shop's staff and owner, and a platform admin. The callers a case allows must get `ok: true`;
 * everyone else must be refused with FORBIDDEN or NOT_FOUND, and the whole database (every
 * collection of database/schema) must read the same after the refusal as before it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames } from '../../scripts/lib/deploy-local';
import { seedCategory, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { seedAddress } from './checkout-fixtures';
import { type AuthzCase, EVERYONE, type Target, type Who, type World } from './authz/types';

const DENIALS = ['FORBIDDEN', 'NOT_FOUND'];

const OPENID: Record<Who, string> = {
  shopper: 'authz-shopper',
  otherStaff: 'authz-staff-b',
  suspendedOwner: 'authz-owner-c',
  staff: 'authz-staff-a',
  owner: 'authz-owner-a',
  admin: 'authz-admin',
};

function loadCases(): Array<{ file: string; c: AuthzCase }> {
  const dir = path.join(__dirname, 'authz');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cases.ts'))
    .sort()
    .flatMap((file) => (require(path.join(dir, file)).cases as AuthzCase[]).map((c) => ({ file, c })));
}

const CASES = loadCases();

let mall: Mall;
let world: World;

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  const db = mall.db;
  const now = new Date();
  await seedShop(db, { _id: 'authz-shop-a', name: '甲店', ownerOpenid: OPENID.owner });
  await seedShop(db, { _id: 'authz-shop-b', name: '乙店', ownerOpenid: 'authz-owner-b' });
  await seedShop(db, { _id: 'authz-shop-c', name: '丙店', ownerOpenid: OPENID.suspendedOwner, status: 'suspended' });
  await seedCategory(db, { _id: 'authz-cat', name: '测试分类' });
  const roles = [
    { _id: OPENID.owner, platformAdmin: false, shops: [{ shopId: 'authz-shop-a', role: 'owner' }] },
    { _id: OPENID.staff, platformAdmin: false, shops: [{ shopId: 'authz-shop-a', role: 'staff' }] },
    { _id: 'authz-owner-b', platformAdmin: false, shops: [{ shopId: 'authz-shop-b', role: 'owner' }] },
    { _id: OPENID.otherStaff, platformAdmin: false, shops: [{ shopId: 'authz-shop-b', role: 'staff' }] },
    { _id: OPENID.suspendedOwner, platformAdmin: false, shops: [{ shopId: 'authz-shop-c', role: 'owner' }] },
    { _id: OPENID.admin, platformAdmin: true, shops: [] },
  ];
  for (const r of roles) await db.collection('roles').add({ data: { ...r, updatedAt: now } });
  await seedAddress(db, 'authz-buyer');
  let n = 0;
  world = { mall, openid: OPENID, shopA: 'authz-shop-a', shopB: 'authz-shop-b', shopC: 'authz-shop-c', categoryId: 'authz-cat', buyer: 'authz-buyer', unique: (prefix) => `${prefix}-${++n}` };
}, 180_000);
afterAll(() => mall?.stop());

/** Every document of every collection, in a stable order. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collectionNames()) {
    const docs: unknown[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = (await mall.db.collection(name).skip(skip).limit(1000).get()).data as Array<{ _id: string }>;
      docs.push(...page);
      if (page.length < 1000) break;
    }
    out[name] = docs.sort((a: any, b: any) => String(a._id).localeCompare(String(b._id)));
  }
  return out;
}

function target(who: Who): Target {
  return { who, openid: OPENID[who], shopId: who === 'suspendedOwner' ? world.shopC : world.shopA };
}

it('has cases for every area', () => {
  expect(CASES.length).toBeGreaterThan(0);
});

describe.each(CASES.map(({ file, c }) => [`${c.fn}.${c.action}${c.label ? ` (${c.label})` : ''} [${file}]`, c] as const))('%s', (_name, c) => {
  test.each(EVERYONE.map((who) => [who, c.allow.includes(who) ? 'allowed' : 'refused'] as const))('as %s: %s', async (who, expected) => {
    const t = target(who);
    const payload = await c.payload(world, t);
    if (expected === 'allowed') {
      const r = await mall.raw(t.openid, c.fn, { ...payload, action: c.action });
      if (!r?.ok) throw new Error(`${c.fn}.${c.action} as ${who} should be allowed, got ${JSON.stringify(r)}`);
      return;
    }
    const before = await snapshot();
    const r = await mall.raw(t.openid, c.fn, { ...payload, action: c.action });
    if (r?.ok !== false || !DENIALS.includes(r.error?.code)) throw new Error(`${c.fn}.${c.action} as ${who} should be refused, got ${JSON.stringify(r)}`);
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
