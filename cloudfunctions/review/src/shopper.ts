/**
 * Shoppers review the lines of an order they received (status `completed`), once per line: the
 * review's `_id` is `stableId('review', orderId, lineIndex)`. One transaction writes the reviews
 * and the goods' rating counters (`goods.rating`), so the summary on the goods page always matches
 * the reviews, and two racing submits of the same line write it once (the second is CONFLICT).
 * Texts pass the content check before anything is written.
 */
import { REVIEW_LIMITS, type OrderReviewState } from '../../../miniprogram/contracts';
import { isDuplicateKey } from '../../../server/db-errors';
import { fail, notFound } from '../../../server/failure';
import type { ClientActions } from '../../../server/handler';
import { stableId } from '../../../server/ids';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { GoodsRating, OrderDoc, ReviewDoc } from '../../../server/model';
import { readPage } from '../../../server/paging';
import { inTransaction, repo } from '../../../server/repo';
import { checkText } from './content-check';
import { EMPTY_RATING, maskedName, reviewView, summaryOf } from './views';

type Actions = ClientActions<'review'>;

export const reviewId = (orderId: string, lineIndex: number) => stableId('review', orderId, String(lineIndex));

const photo = { type: 'string', maxLength: 512, pattern: '^(cloud|https?)://\\S+$' };

async function ownOrder(openid: string, orderId: string): Promise<OrderDoc> {
  const order = await repo.get('orders', orderId);
  if (!order || order.openid !== openid) return notFound('订单');
  return order;
}

async function stateOf(order: OrderDoc): Promise<OrderReviewState> {
  const reviews = await repo.getMany('reviews', order.lines.map((_l, i) => reviewId(order._id, i)));
  return {
    orderId: order._id,
    canReview: order.status === 'completed',
    lines: order.lines.map((l, i) => {
      const r = reviews.get(reviewId(order._id, i));
      return { lineIndex: i, goodsId: l.goodsId, title: l.title, coverUrl: l.coverUrl, specText: l.specText, review: r ? reviewView(r) : null };
    }),
  };
}

export const mineForOrder: Actions['mineForOrder'] = {
  input: obj({ orderId: id }, ['orderId']),
  async run(input, ctx) {
    return stateOf(await ownOrder(ctx.openid, input.orderId));
  },
};

export const create: Actions['create'] = {
  input: obj(
    {
      orderId: id,
      anonymous: { type: 'boolean' },
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: obj(
          {
            lineIndex: { type: 'integer', minimum: 0, maximum: 99 },
            stars: { type: 'integer', minimum: 1, maximum: 5 },
            text: { type: 'string', maxLength: REVIEW_LIMITS.textMax },
            photos: { type: 'array', items: photo, maxItems: REVIEW_LIMITS.photosMax },
          },
          ['lineIndex', 'stars', 'text'],
        ),
      },
    },
    ['orderId', 'items'],
  ),
  async run(input, ctx) {
    const order = await ownOrder(ctx.openid, input.orderId);
    if (order.status !== 'completed') fail('REVIEW_NOT_ALLOWED', '确认收货后才能评价');
    const seen = new Set<number>();
    for (const item of input.items) {
      if (!order.lines[item.lineIndex]) fail('INVALID_ARGUMENT', '订单中没有这件商品', { lineIndex: item.lineIndex });
      if (seen.has(item.lineIndex)) fail('INVALID_ARGUMENT', '同一件商品只能评价一次', { lineIndex: item.lineIndex });
      seen.add(item.lineIndex);
    }
    const existing = await repo.getMany('reviews', input.items.map((i) => reviewId(order._id, i.lineIndex)));
    if (existing.size) fail('CONFLICT', '这件商品已经评价过了', { lineIndexes: [...existing.values()].map((r) => r.lineIndex) });
    for (const item of input.items) await checkText(ctx.openid, item.text);

    const user = input.anonymous ? null : await repo.get('users', ctx.openid);
    const displayName = input.anonymous ? '匿名用户' : maskedName(user?.nickname);
    const now = new Date(ctx.now);
    const docs: ReviewDoc[] = input.items.map((item) => {
      const line = order.lines[item.lineIndex]!;
      const photos = item.photos ?? [];
      return {
        _id: reviewId(order._id, item.lineIndex),
        orderId: order._id,
        lineIndex: item.lineIndex,
        goodsId: line.goodsId,
        skuId: line.skuId,
        specText: line.specText,
        shopId: order.shopId,
        openid: ctx.openid,
        displayName,
        anonymous: input.anonymous === true,
        stars: item.stars,
        text: item.text.trim(),
        photos,
        hasPhotos: photos.length > 0,
        createdAt: now,
      };
    });
    try {
      await inTransaction(async (tx) => {
        const ratings = new Map<string, GoodsRating | null>();
        for (const doc of docs) {
          if (!ratings.has(doc.goodsId)) {
            const goods = await tx.get('goods', doc.goodsId);
            ratings.set(doc.goodsId, goods ? { ...(goods.rating ?? EMPTY_RATING), stars: [...(goods.rating ?? EMPTY_RATING).stars] as GoodsRating['stars'] } : null);
          }
          const rating = ratings.get(doc.goodsId);
          if (rating) {
            rating.count += 1;
            rating.sum += doc.stars;
            rating.stars[doc.stars - 1] += 1;
            if (doc.hasPhotos) rating.withPhotos += 1;
          }
          await tx.insert('reviews', doc);
        }
        // goods removed since the order keep no counters; their reviews stay with the order
        for (const [goodsId, rating] of ratings) if (rating) await tx.update('goods', goodsId, { rating });
      });
    } catch (e) {
      if (isDuplicateKey(e)) fail('CONFLICT', '这件商品已经评价过了');
      throw e;
    }
    logEvent('reviews_created', { orderId: order._id, lines: docs.length });
    return stateOf(order);
  },
};

export const listForGoods: Actions['listForGoods'] = {
  input: obj({ goodsId: id, withPhotos: { type: 'boolean' }, cursor, pageSize }, ['goodsId']),
  async run(input) {
    const query = input.withPhotos ? { goodsId: input.goodsId, hasPhotos: true } : { goodsId: input.goodsId };
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('reviews', query, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip, limit }));
    return { items: page.items.map(reviewView), nextCursor: page.nextCursor };
  },
};

export const summary: Actions['summary'] = {
  input: obj({ goodsId: id }, ['goodsId']),
  async run(input) {
    const goods = (await repo.get('goods', input.goodsId)) ?? notFound('商品');
    return summaryOf(goods.rating);
  },
};
