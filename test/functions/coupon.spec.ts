import type { UserCouponView } from '../../miniprogram/contracts';
import { stableId } from '../../server/ids';
import type { UserCouponDoc } from '../../server/model';
import { validateDocument } from '../../server/validation';
import { read, seedCouponTemplate, seedShop } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { indexDeclarations } from '../../scripts/lib/deploy-local';

let mall: Mall;
const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const later = (ms: number) => new Date(Date.now() + ms);
const claim = (openid: string, templateId: string) => mall.as(openid).call('coupon', 'claim', { templateId });
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);
const countWhere = async (coll: string, where: object) => (await mall.db.collection(coll).where(where).count()).total as number;

beforeAll(async () => {
  mall = await startMall();
  await seedShop(mall.db, { _id: 's1', name: '一号店' });
  await seedShop(mall.db, { _id: 's9', name: '停业店', status: 'suspended' });
  const open = { startAt: ago(DAY), endAt: later(DAY) };
  // the platform's coupon center, ending soonest first
  await seedCouponTemplate(mall.db, { _id: 't-a', title: '满100减20', claimWindow: { startAt: ago(DAY), endAt: later(2 * DAY) }, totalQuantity: 100, perUserLimit: 1 });
  await seedCouponTemplate(mall.db, { _id: 't-b', title: '无门槛5元', kind: 'fixed', amountFen: 500, thresholdFen: undefined, claimWindow: open, validity: { type: 'fixed', startAt: new Date('2026-01-01T00:00:00+08:00'), endAt: new Date('2031-02-01T00:00:00+08:00') }, scope: { type: 'categories', categoryIds: ['c1'] } });
  await seedCouponTemplate(mall.db, { _id: 't-soldout', claimWindow: open, totalQuantity: 5, claimedCount: 5 });
  await seedCouponTemplate(mall.db, { _id: 't-future', claimWindow: { startAt: later(DAY), endAt: later(2 * DAY) } });
  await seedCouponTemplate(mall.db, { _id: 't-ended', claimWindow: { startAt: ago(2 * DAY), endAt: ago(DAY) } });
  await seedCouponTemplate(mall.db, { _id: 't-paused', claimWindow: open, status: 'paused' });
  await seedCouponTemplate(mall.db, { _id: 't-shop', title: '店铺85折', issuer: { type: 'shop', shopId: 's1' }, kind: 'percent', percent: 85, amountFen: undefined, thresholdFen: undefined, maxDiscountFen: 3000, claimWindow: open, scope: { type: 'goods', goodsIds: ['g1'] } });
  await seedCouponTemplate(mall.db, { _id: 't-shop9', issuer: { type: 'shop', shopId: 's9' }, claimWindow: open });
});
afterAll(() => mall.stop());

describe('center', () => {
  test('lists the platform coupons claimable now, with what the shopper needs to know', async () => {
    const page = await mall.as('alice').ok('coupon', 'center', {});
    expect(page.items.map((t) => t.id)).toEqual(['t-b', 't-soldout', 't-a']);
    expect(page.nextCursor).toBeNull();
    const [b, soldOut, a] = page.items;
    expect(a).toEqual({ id: 't-a', title: '满100减20', kind: 'threshold', amountFen: 2000, thresholdFen: 10000, issuer: { type: 'platform' }, scopeText: '全场通用', validityText: '领取后30天内有效', claimEndAt: expect.any(Number), remaining: 100, claimedByMe: 0, perUserLimit: 1 });
    expect(b).toMatchObject({ kind: 'fixed', amountFen: 500, scopeText: '指定分类可用', validityText: '2026.01.01-2031.01.31有效' });
    expect(b).not.toHaveProperty('thresholdFen');
    expect(soldOut).toMatchObject({ remaining: 0, unavailableReason: expect.stringContaining('抢光') });
  });

  test("a shop's coupons with shopId; claimedByMe and the limit after claiming", async () => {
    const page = await mall.as('alice').ok('coupon', 'center', { shopId: 's1' });
    expect(page.items).toMatchObject([{ id: 't-shop', kind: 'percent', percent: 85, maxDiscountFen: 3000, issuer: { type: 'shop', shopId: 's1', shopName: '一号店' }, scopeText: '一号店指定商品可用', claimedByMe: 0 }]);
    await mall.as('alice').ok('coupon', 'claim', { templateId: 't-shop' });
    const [after] = (await mall.as('alice').ok('coupon', 'center', { shopId: 's1' })).items;
    expect(after).toMatchObject({ claimedByMe: 1, remaining: 999, unavailableReason: expect.stringContaining('限领1张') });
    const [forBob] = (await mall.as('bob').ok('coupon', 'center', { shopId: 's1' })).items;
    expect(forBob.claimedByMe).toBe(0);
    expect(forBob).not.toHaveProperty('unavailableReason');
    expect((await mall.as('bob').ok('coupon', 'center', { shopId: 's9' })).items).toMatchObject([{ id: 't-shop9', unavailableReason: expect.stringContaining('暂停营业') }]);
  });

  test('pages without repeats', async () => {
    const first = await mall.as('alice').ok('coupon', 'center', { pageSize: 2 });
    const second = await mall.as('alice').ok('coupon', 'center', { pageSize: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(['t-b', 't-soldout', 't-a']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('claim', () => {
  test('gives an unused coupon with the validity and a snapshot of the terms', async () => {
    const before = Date.now();
    const c = await mall.as('carol').ok('coupon', 'claim', { templateId: 't-a' });
    expect(c).toMatchObject({ templateId: 't-a', title: '满100减20', kind: 'threshold', amountFen: 2000, thresholdFen: 10000, issuer: { type: 'platform' }, status: 'unused' });
    expect(c.validFrom).toBeGreaterThanOrEqual(before);
    expect(c.validTo - c.validFrom).toBe(30 * DAY);
    const doc = await read<UserCouponDoc>(mall.db, 'user_coupons', c.id);
    expect(doc).toMatchObject({ openid: 'carol', status: 'unused', lockedBy: null, template: { title: '满100减20', scope: { type: 'all' } } });
    expect((await read(mall.db, 'coupon_templates', 't-a')).claimedCount).toBe(1);
    expect(await claim('carol', 't-a')).toMatchObject({ ok: false, error: { code: 'COUPON_LIMIT_REACHED' } });
    expect((await read(mall.db, 'coupon_templates', 't-a')).claimedCount).toBe(1);
  });

  test('refusals: not started, ended, paused, sold out, suspended shop, unknown', async () => {
    const cases: Array<[string, string]> = [
      ['t-future', 'COUPON_NOT_STARTED'],
      ['t-ended', 'COUPON_ENDED'],
      ['t-paused', 'COUPON_PAUSED'],
      ['t-soldout', 'COUPON_SOLD_OUT'],
      ['t-shop9', 'COUPON_PAUSED'],
      ['t-none', 'NOT_FOUND'],
    ];
    for (const [templateId, code] of cases) expect([templateId, codeOf(await claim('dave', templateId))]).toEqual([templateId, code]);
    expect(await countWhere('user_coupons', { openid: 'dave' })).toBe(0);
    expect(await countWhere('coupon_claims', { openid: 'dave' })).toBe(0);
  });

  test('a coupon with 50 copies claimed by 200 shoppers at once gives exactly 50', async () => {
    await seedCouponTemplate(mall.db, { _id: 't-flash', totalQuantity: 50, perUserLimit: 1 });
    const shoppers = Array.from({ length: 200 }, (_, i) => `flash-${i}`);
    const results = await Promise.all(shoppers.map((s) => claim(s, 't-flash')));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(50);
    expect(codes.filter((c) => c === 'COUPON_SOLD_OUT')).toHaveLength(150);
    expect((await read(mall.db, 'coupon_templates', 't-flash')).claimedCount).toBe(50);
    const issued = (await mall.db.collection('user_coupons').where({ templateId: 't-flash' }).limit(1000).get()).data as UserCouponDoc[];
    const winners = shoppers.filter((_, i) => codes[i] === 'OK');
    expect(issued.map((c) => c.openid).sort()).toEqual([...winners].sort());
    // the losers' per-user counters were given back (compensation of step 1), the winners' hold 1
    const counters = (await mall.db.collection('coupon_claims').where({ templateId: 't-flash' }).limit(1000).get()).data;
    for (const c of counters) expect([c.openid, c.count]).toEqual([c.openid, winners.includes(c.openid) ? 1 : 0]);
  });

  test('one shopper with a limit of 2 claiming 10 times at once gets exactly 2', async () => {
    await seedCouponTemplate(mall.db, { _id: 't-two', totalQuantity: 100, perUserLimit: 2 });
    const codes = (await Promise.all(Array.from({ length: 10 }, () => claim('erin', 't-two')))).map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(2);
    expect(codes.filter((c) => c === 'COUPON_LIMIT_REACHED')).toHaveLength(8);
    expect(await countWhere('user_coupons', { templateId: 't-two', openid: 'erin' })).toBe(2);
    expect((await read(mall.db, 'coupon_templates', 't-two')).claimedCount).toBe(2);
    expect((await read(mall.db, 'coupon_claims', stableId('t-two', 'erin'))).count).toBe(2);
  });

  test('payloads are checked; identity comes only from the platform', async () => {
    for (const bad of [{}, { templateId: '' }, { templateId: 't-a', openid: 'victim' }, { templateId: ['t-a'] }]) {
      expect(await mall.raw('frank', 'coupon', { action: 'claim', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await countWhere('user_coupons', { openid: 'victim' })).toBe(0);
  });
});

describe('mine and counts', () => {
  const owner = 'mia';
  async function seedCoupon(id: string, over: Partial<UserCouponDoc>) {
    const now = new Date();
    const doc: UserCouponDoc = { _id: id, templateId: 't-a', openid: owner, status: 'unused', validFrom: ago(10 * DAY), validTo: later(DAY), template: { title: id, issuer: { type: 'platform' }, kind: 'fixed', amountFen: 100, scope: { type: 'all' } }, claimedAt: ago(10 * DAY), lockedBy: null, updatedAt: now, ...over };
    validateDocument('user_coupons', doc as never);
    await mall.db.collection('user_coupons').add({ data: doc });
  }
  beforeAll(async () => {
    await seedCoupon('u-soon', { validTo: later(DAY) });
    await seedCoupon('u-late', { validTo: later(5 * DAY), template: { title: '店铺券', issuer: { type: 'shop', shopId: 's1' }, kind: 'fixed', amountFen: 100, scope: { type: 'all' } } });
    await seedCoupon('u-locked', { status: 'locked', lockedBy: 'pay-1', validTo: ago(1000) });
    await seedCoupon('u-lapsed', { validTo: ago(DAY) });
    await seedCoupon('u-expired', { status: 'expired', validTo: ago(2 * DAY) });
    await seedCoupon('u-used', { status: 'used', usedAt: ago(DAY) });
  });
  const tab = async (openid: string, status: 'unused' | 'used' | 'expired', pageSize = 20) => (await mall.as(openid).ok('coupon', 'mine', { status, pageSize })).items.map((c: UserCouponView) => [c.id, c.status]);

  test('tabs: unused (locked ones shown as locked), used, expired (unused past validTo included)', async () => {
    expect(await tab(owner, 'unused')).toEqual([
      ['u-locked', 'locked'],
      ['u-soon', 'unused'],
      ['u-late', 'unused'],
    ]);
    expect(await tab(owner, 'used')).toEqual([['u-used', 'used']]);
    expect(await tab(owner, 'expired')).toEqual([
      ['u-lapsed', 'expired'],
      ['u-expired', 'expired'],
    ]);
    const late = (await mall.as(owner).ok('coupon', 'mine', { status: 'unused' })).items.find((c) => c.id === 'u-late');
    expect(late).toMatchObject({ issuer: { type: 'shop', shopId: 's1', shopName: '一号店' }, scopeText: '一号店全店通用', title: '店铺券' });
    expect(await mall.as(owner).ok('coupon', 'counts', {})).toEqual({ unused: 2 });
  });

  test('pages through a tab', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await mall.as(owner).ok('coupon', 'mine', { status: 'unused', pageSize: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['u-locked', 'u-soon', 'u-late']);
  });

  test("another shopper sees none of them; claims show up in the claimer's own list only", async () => {
    for (const status of ['unused', 'used', 'expired'] as const) expect(await tab('nina', status)).toEqual([]);
    expect(await mall.as('nina').ok('coupon', 'counts', {})).toEqual({ unused: 0 });
    const c = await mall.as('nina').ok('coupon', 'claim', { templateId: 't-b' });
    expect(await tab('nina', 'unused')).toEqual([[c.id, 'unused']]);
    expect((await tab(owner, 'unused')).map(([id]) => id)).not.toContain(c.id);
    for (const bad of [{ status: 'all' }, { status: 'unused', openid: 'mia' }, {}]) {
      expect(await mall.raw('nina', 'coupon', { action: 'mine', ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});

test('when issuing the coupon fails, both counters are given back (saga compensation)', async () => {
  await seedCouponTemplate(mall.db, { _id: 't-fault', totalQuantity: 10, perUserLimit: 1 });
  // inject a failure into step 3: the user_coupons collection disappears
  await mall.emu.control('/_emulator/db/drop', { names: ['user_coupons'] });
  try {
    expect(await claim('oscar', 't-fault')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await read(mall.db, 'coupon_templates', 't-fault')).claimedCount).toBe(0);
    expect((await read(mall.db, 'coupon_claims', stableId('t-fault', 'oscar'))).count).toBe(0);
  } finally {
    await mall.emu.control('/_emulator/db/collections', { names: ['user_coupons'] });
    await mall.emu.control('/_emulator/db/indexes', { collection: 'user_coupons', indexes: indexDeclarations().user_coupons });
  }
  // the shopper can claim it once the fault is gone
  expect(codeOf(await claim('oscar', 't-fault'))).toBe('OK');
  expect((await read(mall.db, 'coupon_templates', 't-fault')).claimedCount).toBe(1);
});
