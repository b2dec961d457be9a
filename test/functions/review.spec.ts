/**
 * Reviews against the emulator: only the buyer of a received order reviews it, once per line (also
 * when two submits race); risky text (the emulator's msgSecCheck word list) is refused with nothing
 * written; the goods' rating summary follows the reviews; shops list and reply to their own reviews.
 */
import { read } from '../support/fixtures';
import { type Mall, startMall } from '../support/mall';
import { checkout, payFor, seedAddress, seedCatalog } from './checkout-fixtures';

let mall: Mall;
let cat: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  mall = await startMall({ workers: 2 });
  cat = await seedCatalog(mall.db, 'rv');
  for (const who of ['rv-amy', 'rv-bob', 'rv-cat']) await seedAddress(mall.db, who);
  await mall.db.collection('users').add({ data: { _id: 'rv-amy', nickname: '王小明', avatarUrl: '', createdAt: new Date(), updatedAt: new Date() } });
  await mall.db.collection('roles').add({ data: { _id: 'rv-owner-a', platformAdmin: false, shops: [{ shopId: cat.shopA, role: 'owner' }], updatedAt: new Date() } });
  await mall.db.collection('roles').add({ data: { _id: 'rv-owner-b', platformAdmin: false, shops: [{ shopId: cat.shopB, role: 'owner' }], updatedAt: new Date() } });
}, 120_000);
afterAll(() => mall.stop());

/** A paid order of shop A (tea x2, cup x1) marked received. */
async function receivedOrder(openid: string, complete = true): Promise<string> {
  const { created } = await checkout(mall, openid, [{ skuId: cat.tea, quantity: 2 }, { skuId: cat.cup, quantity: 1 }]);
  await payFor(mall, openid, created.paymentId);
  const orderId = created.orderIds[0]!;
  if (complete) await mall.db.collection('orders').doc(orderId).update({ data: { status: 'completed', completedAt: new Date() } });
  return orderId;
}

const reviewsOf = async (orderId: string) => (await mall.db.collection('reviews').where({ orderId }).get()).data as any[];

test('the buyer reviews each line once; the goods summary and lists follow', async () => {
  const orderId = await receivedOrder('rv-amy');
  const before = await mall.as('rv-amy').ok('review', 'mineForOrder', { orderId });
  expect(before.canReview).toBe(true);
  expect(before.lines.map((l) => l.review)).toEqual([null, null]);

  const state = await mall.as('rv-amy').ok('review', 'create', {
    orderId,
    items: [
      { lineIndex: 0, stars: 5, text: '  茶香浓郁，回购！ ', photos: ['cloud://env.bucket/reviews/a.jpg'] },
      { lineIndex: 1, stars: 3, text: '' },
    ],
  });
  expect(state.lines.map((l) => [l.review?.stars, l.review?.displayName, l.review?.text])).toEqual([
    [5, '王**', '茶香浓郁，回购！'],
    [3, '王**', ''],
  ]);
  const again = await mall.as('rv-amy').call('review', 'create', { orderId, items: [{ lineIndex: 0, stars: 1, text: '改差评' }] });
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect((await reviewsOf(orderId)).map((r) => r.stars).sort()).toEqual([3, 5]);

  const teaGoods = `rv-g-tea`;
  expect(await mall.as('rv-zed').ok('review', 'summary', { goodsId: teaGoods })).toEqual({ count: 1, average: 5, goodRate: 100, stars: [0, 0, 0, 0, 1], withPhotos: 1 });
  expect(await mall.as('rv-zed').ok('review', 'summary', { goodsId: 'rv-g-cup' })).toMatchObject({ count: 1, average: 3, goodRate: 0 });
  const listed = await mall.as('rv-zed').ok('review', 'listForGoods', { goodsId: teaGoods });
  expect(listed.items.map((r) => r.text)).toEqual(['茶香浓郁，回购！']);
  expect((await mall.as('rv-zed').ok('review', 'listForGoods', { goodsId: 'rv-g-cup', withPhotos: true })).items).toEqual([]);
});

test('two racing submits of the same line write one review and count it once', async () => {
  const orderId = await receivedOrder('rv-bob');
  const before = (await read(mall.db, 'goods', 'rv-g-tea')).rating.count;
  const results = await Promise.all([4, 2].map((stars) => mall.as('rv-bob').call('review', 'create', { orderId, items: [{ lineIndex: 0, stars, text: '还行', photos: [] }], anonymous: true })));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const reviews = await reviewsOf(orderId);
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({ displayName: '匿名用户', anonymous: true });
  expect((await read(mall.db, 'goods', 'rv-g-tea')).rating.count).toBe(before + 1);
});

test('refused: an order not yet received, another shopper\'s order, risky text, bad lines — nothing written', async () => {
  const unreceived = await receivedOrder('rv-cat', false);
  expect(await mall.as('rv-cat').call('review', 'create', { orderId: unreceived, items: [{ lineIndex: 0, stars: 5, text: '好' }] })).toMatchObject({ ok: false, error: { code: 'REVIEW_NOT_ALLOWED' } });
  expect((await mall.as('rv-cat').ok('review', 'mineForOrder', { orderId: unreceived })).canReview).toBe(false);

  const orderId = await receivedOrder('rv-cat');
  expect(await mall.as('rv-amy').call('review', 'create', { orderId, items: [{ lineIndex: 0, stars: 5, text: '好' }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as('rv-amy').call('review', 'mineForOrder', { orderId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const goodsBefore = await read(mall.db, 'goods', 'rv-g-tea');
  const risky = await mall.as('rv-cat').call('review', 'create', { orderId, items: [{ lineIndex: 0, stars: 5, text: '很好' }, { lineIndex: 1, stars: 1, text: '想赌博的加我' }] });
  expect(risky).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } });
  for (const bad of [
    { orderId, items: [{ lineIndex: 7, stars: 5, text: '' }] },
    { orderId, items: [{ lineIndex: 0, stars: 6, text: '' }] },
    { orderId, items: [{ lineIndex: 0, stars: 0, text: '' }] },
    { orderId, items: [{ lineIndex: 0, stars: 4.5, text: '' }] },
    { orderId, items: [{ lineIndex: 0, stars: 5, text: '' }, { lineIndex: 0, stars: 4, text: '' }] },
    { orderId, items: [{ lineIndex: 0, stars: 5, text: 'x'.repeat(501) }] },
    { orderId, items: [{ lineIndex: 0, stars: 5, text: '', photos: ['file:///etc/passwd'] }] },
  ]) {
    const r = await mall.as('rv-cat').call('review', 'create', bad as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  }
  expect(await reviewsOf(orderId)).toEqual([]);
  expect(await read(mall.db, 'goods', 'rv-g-tea')).toEqual(goodsBefore);
});

test('shops list their own reviews and reply once; other shops and shoppers are refused', async () => {
  const orderId = await receivedOrder('rv-amy');
  await mall.as('rv-amy').ok('review', 'create', { orderId, items: [{ lineIndex: 0, stars: 4, text: '包装不错' }] });
  const waiting = await mall.as('rv-owner-a').ok('review', 'shopList', { shopId: cat.shopA, replied: false });
  const review = waiting.items.find((r) => r.orderId === orderId)!;
  expect(review).toMatchObject({ goodsTitle: '龙井茶', stars: 4, reply: null });

  expect(await mall.as('rv-owner-b').call('review', 'reply', { shopId: cat.shopA, reviewId: review.id, text: '谢谢' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as('rv-owner-b').call('review', 'reply', { shopId: cat.shopB, reviewId: review.id, text: '谢谢' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await mall.as('rv-amy').call('review', 'shopList', { shopId: cat.shopA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await mall.as('rv-owner-a').call('review', 'reply', { shopId: cat.shopA, reviewId: review.id, text: '加微信代开发票' })).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } });
  expect((await read(mall.db, 'reviews', review.id)).reply).toBeUndefined();

  const replied = await mall.as('rv-owner-a').ok('review', 'reply', { shopId: cat.shopA, reviewId: review.id, text: ' 感谢支持，欢迎再来！' });
  expect(replied.reply?.text).toBe('感谢支持，欢迎再来！');
  expect(await mall.as('rv-owner-a').call('review', 'reply', { shopId: cat.shopA, reviewId: review.id, text: '再回一次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const done = await mall.as('rv-owner-a').ok('review', 'shopList', { shopId: cat.shopA, replied: true });
  expect(done.items.map((r) => r.id)).toContain(review.id);
  const publicView = await mall.as('rv-zed').ok('review', 'listForGoods', { goodsId: 'rv-g-tea' });
  expect(publicView.items.find((r) => r.id === review.id)?.reply?.text).toBe('感谢支持，欢迎再来！');
});
