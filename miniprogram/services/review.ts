/** Reviews: writing them after receipt, reading them on goods pages, and the shop's replies (function `review`). */
import { pageRequest } from '../shared/paging';
import { callFunction } from './cloud';
import { ACTIONS, FUNCTIONS, type CreateReviewInput, type OrderReviewState, type Page, type RatingSummary, type Result, type ReviewView, type ShopReviewView } from './contracts';


export function fetchOrderReviews(orderId: string): Promise<Result<OrderReviewState>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.mineForOrder, { orderId });
}

export function submitReviews(input: CreateReviewInput): Promise<Result<OrderReviewState>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.create, input);
}

export function fetchGoodsReviews(goodsId: string, withPhotos: boolean, cursor: string | null, pageSize: number): Promise<Result<Page<ReviewView>>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.listForGoods, { goodsId, ...(withPhotos ? { withPhotos: true } : {}), ...pageRequest(cursor, pageSize) });
}

export function fetchRatingSummary(goodsId: string): Promise<Result<RatingSummary>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.summary, { goodsId });
}

export function fetchShopReviews(shopId: string, replied: boolean | undefined, cursor: string | null, pageSize: number): Promise<Result<Page<ShopReviewView>>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.shopList, { shopId, ...(replied === undefined ? {} : { replied }), ...pageRequest(cursor, pageSize) });
}

export function replyToReview(shopId: string, reviewId: string, text: string): Promise<Result<ShopReviewView>> {
  return callFunction(FUNCTIONS.review, ACTIONS.review.reply, { shopId, reviewId, text });
}
