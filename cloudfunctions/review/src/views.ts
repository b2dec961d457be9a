import type { RatingSummary, ReviewView, ShopReviewView } from '../../../miniprogram/contracts';
import type { GoodsRating, ReviewDoc } from '../../../server/model';

export const EMPTY_RATING: GoodsRating = { count: 0, sum: 0, stars: [0, 0, 0, 0, 0], withPhotos: 0 };

export function reviewView(r: ReviewDoc): ReviewView {
  return {
    id: r._id,
    goodsId: r.goodsId,
    specText: r.specText,
    displayName: r.displayName,
    stars: r.stars,
    text: r.text,
    photos: r.photos,
    createdAt: new Date(r.createdAt).getTime(),
    reply: r.reply ? { text: r.reply.text, at: new Date(r.reply.at).getTime() } : null,
  };
}

export function shopReviewView(r: ReviewDoc, goodsTitle: string): ShopReviewView {
  return { ...reviewView(r), orderId: r.orderId, goodsTitle };
}

export function summaryOf(rating: GoodsRating | undefined): RatingSummary {
  const r = rating ?? EMPTY_RATING;
  const good = (r.stars[3] ?? 0) + (r.stars[4] ?? 0);
  return {
    count: r.count,
    average: r.count ? Math.round((r.sum / r.count) * 10) / 10 : 0,
    goodRate: r.count ? Math.round((good / r.count) * 100) : 100,
    stars: [...r.stars],
    withPhotos: r.withPhotos,
  };
}

/** 张三 -> 张**; no nickname -> 微信用户. */
export function maskedName(nickname: string | undefined): string {
  const first = Array.from((nickname ?? '').trim())[0];
  return first ? `${first}**` : '微信用户';
}
