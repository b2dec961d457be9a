/** Reviews and rating summaries as pages show them. */
import type { RatingSummary, ReviewView, ShopReviewView } from '../contracts';
import { formatDate } from './time-text';

export interface ReviewItemView {
  id: string;
  name: string;
  stars: number;
  text: string;
  photos: string[];
  specText: string;
  dateText: string;
  replyText: string;
}

export interface ShopReviewItemView extends ReviewItemView {
  orderId: string;
  goodsTitle: string;
}

export interface RatingSummaryView {
  count: number;
  averageText: string;
  average: number;
  goodRateText: string;
  withPhotos: number;
}

export function toReviewItemView(r: ReviewView): ReviewItemView {
  return { id: r.id, name: r.displayName, stars: r.stars, text: r.text || '此用户没有填写评价', photos: r.photos, specText: r.specText, dateText: formatDate(r.createdAt), replyText: r.reply?.text ?? '' };
}

export function toShopReviewItemView(r: ShopReviewView): ShopReviewItemView {
  return { ...toReviewItemView(r), orderId: r.orderId, goodsTitle: r.goodsTitle };
}

export function toRatingSummaryView(s: RatingSummary): RatingSummaryView {
  return { count: s.count, average: s.average, averageText: s.count ? s.average.toFixed(1) : '暂无', goodRateText: s.count ? `好评率 ${s.goodRate}%` : '暂无评价', withPhotos: s.withPhotos };
}
