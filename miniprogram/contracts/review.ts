import type { Page, PageRequest } from './common';

export const REVIEW_LIMITS = { textMax: 500, replyMax: 300, photosMax: 9 } as const;

export interface ReviewItemInput {
  lineIndex: number;
  /** 1..5 */
  stars: number;
  text: string;
  /** Uploaded `cloud://` fileIDs. */
  photos?: string[];
}

export interface CreateReviewInput {
  orderId: string;
  items: ReviewItemInput[];
  /** Shown as 匿名用户 instead of the masked nickname. */
  anonymous?: boolean;
}

export interface ReviewView {
  id: string;
  goodsId: string;
  specText: string;
  /** Masked nickname (张**) or 匿名用户. */
  displayName: string;
  stars: number;
  text: string;
  photos: string[];
  createdAt: number;
  reply: { text: string; at: number } | null;
}

/** A review as the shop sees it: the order and goods it belongs to. */
export interface ShopReviewView extends ReviewView {
  orderId: string;
  goodsTitle: string;
}

export interface RatingSummary {
  count: number;
  /** Average stars to one decimal; 0 without reviews. */
  average: number;
  /** Share of 4- and 5-star reviews in percent (0..100, whole number); 100 without reviews. */
  goodRate: number;
  /** Counts of 1..5-star reviews (index 0 = 1 star). */
  stars: number[];
  withPhotos: number;
}

/** Each line of an order and whether the shopper reviewed it. */
export interface OrderReviewState {
  orderId: string;
  /** Reviews are written once the order is received (completed). */
  canReview: boolean;
  lines: Array<{ lineIndex: number; goodsId: string; title: string; coverUrl: string; specText: string; review: ReviewView | null }>;
}

export interface ReviewApi {
  create: { payload: CreateReviewInput; result: OrderReviewState };
  mineForOrder: { payload: { orderId: string }; result: OrderReviewState };
  listForGoods: { payload: PageRequest & { goodsId: string; withPhotos?: boolean }; result: Page<ReviewView> };
  summary: { payload: { goodsId: string }; result: RatingSummary };
  shopList: { payload: PageRequest & { shopId: string; replied?: boolean }; result: Page<ShopReviewView> };
  reply: { payload: { shopId: string; reviewId: string; text: string }; result: ShopReviewView };
}
