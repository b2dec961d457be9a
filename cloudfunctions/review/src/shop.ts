/**
 * The shop's side: its reviews and one reply each. Replying serves customers, so a suspended shop
 * may still do it (`requireShopRole` in 'read' mode), like shipping its open orders. A review of
 * another shop is NOT_FOUND. The reply passes the content check; a second reply is CONFLICT.
 */
import { REVIEW_LIMITS } from '../../../miniprogram/contracts';
import { requireShopRole } from '../../../server/auth';
import { _ } from '../../../server/cloud';
import { fail, notFound } from '../../../server/failure';
import type { ClientActions } from '../../../server/handler';
import { cursor, id, obj, pageSize } from '../../../server/input';
import { logEvent } from '../../../server/log';
import type { ReviewDoc } from '../../../server/model';
import { readPage } from '../../../server/paging';
import { repo } from '../../../server/repo';
import { checkText } from './content-check';
import { shopReviewView } from './views';

type Actions = ClientActions<'review'>;

async function withTitles(reviews: ReviewDoc[]) {
  const goods = await repo.getMany('goods', reviews.map((r) => r.goodsId));
  return reviews.map((r) => shopReviewView(r, goods.get(r.goodsId)?.title ?? '商品已删除'));
}

export const shopList: Actions['shopList'] = {
  input: obj({ shopId: id, replied: { type: 'boolean' }, cursor, pageSize }, ['shopId']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const query = input.replied === undefined ? { shopId: input.shopId } : { shopId: input.shopId, reply: _.exists(input.replied) };
    const page = await readPage(input.cursor, input.pageSize, (skip, limit) => repo.find('reviews', query, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip, limit }));
    return { items: await withTitles(page.items), nextCursor: page.nextCursor };
  },
};

export const reply: Actions['reply'] = {
  input: obj({ shopId: id, reviewId: id, text: { type: 'string', minLength: 1, maxLength: REVIEW_LIMITS.replyMax, pattern: '\\S' } }, ['shopId', 'reviewId', 'text']),
  async run(input, ctx) {
    await requireShopRole(ctx, input.shopId, ['owner', 'staff'], 'read');
    const review = await repo.get('reviews', input.reviewId);
    if (!review || review.shopId !== input.shopId) return notFound('评价');
    if (review.reply) fail('CONFLICT', '这条评价已经回复过了');
    await checkText(ctx.openid, input.text);
    const at = new Date(ctx.now);
    const done = await repo.update('reviews', review._id, { reply: { text: input.text.trim(), by: ctx.openid, at } }, { reply: _.exists(false) });
    if (!done) fail('CONFLICT', '这条评价已经回复过了');
    logEvent('review_replied', { reviewId: review._id, shopId: input.shopId, by: ctx.openid });
    const [view] = await withTitles([{ ...review, reply: { text: input.text.trim(), by: ctx.openid, at } }]);
    return view!;
  },
};
