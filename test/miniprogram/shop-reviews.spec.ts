import type { ShopReviewView } from '../../miniprogram/services/contracts';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/shop/reviews/index';
const review = (id: string, reply: ShopReviewView['reply'] = null): ShopReviewView => ({ id, goodsId: 'g1', specText: '1个装', displayName: '王**', stars: 4, text: `评价${id}`, photos: [], createdAt: Date.UTC(2026, 5, 1, 4), reply, orderId: 'o1', goodsTitle: '南汇8424西瓜' });

describe('shop reviews page', () => {
  it('lists reviews waiting for a reply, replies through the dialog, and switches tabs', async () => {
    const transport = stubTransport({
      'review.shopList': (data: { replied?: boolean }) => ok({ items: data.replied === false ? [review('r1'), review('r2')] : [review('r3', { text: '谢谢', at: 0 })], nextCursor: null }),
      'review.reply': (data: { reviewId: string; text: string }) => ok(review(data.reviewId, { text: data.text, at: 1 })),
    });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    expect(transport.calls[0]?.data).toEqual({ action: 'shopList', shopId: 'shop-1', replied: false, pageSize: 20 });
    expect(page.texts('.review-item__text')).toEqual(['评价r1', '评价r2']);
    expect(page.texts('.shop-review__goods')).toEqual(['南汇8424西瓜', '南汇8424西瓜']);

    await page.tap(page.findAll('.shop-review__reply')[0]!);
    expect(page.data.replyVisible).toBe(true);
    await page.trigger('.shop-reviews__dialog', 'confirm');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写回复内容', icon: 'none' });
    await page.trigger('.shop-reviews__input', 'change', { value: ' 感谢您的支持 ' });
    await page.trigger('.shop-reviews__dialog', 'confirm');
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'reply', shopId: 'shop-1', reviewId: 'r1', text: '感谢您的支持' });
    expect(page.texts('.review-item__text')).toEqual(['评价r2']);

    await page.trigger('.shop-reviews__tabs', 'change', { value: 'replied' });
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'shopList', shopId: 'shop-1', replied: true, pageSize: 20 });
    expect(page.texts('.review-item__reply')).toEqual(['商家回复：谢谢']);
    expect(page.exists('.shop-review__reply')).toBe(false);
  });

  it('keeps the dialog open when the reply is refused; shows errors and the empty state', async () => {
    const transport = stubTransport({ 'review.shopList': ok({ items: [review('r1')], nextCursor: null }), 'review.reply': fail('CONTENT_RISKY', '内容含有违规信息，请修改后再提交') });
    const page = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport });
    await page.tap('.shop-review__reply');
    await page.trigger('.shop-reviews__input', 'change', { value: '不当内容' });
    await page.trigger('.shop-reviews__dialog', 'confirm');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '内容含有违规信息，请修改后再提交', icon: 'none' });
    expect(page.data.replyVisible).toBe(true);

    const denied = await loadPage(PAGE, { query: { shopId: 'shop-9' }, transport: stubTransport({ 'review.shopList': fail('FORBIDDEN', '无权管理该店铺') }) });
    expect(denied.text('.page-error')).toContain('无权管理该店铺');
    const empty = await loadPage(PAGE, { query: { shopId: 'shop-1' }, transport: stubTransport({ 'review.shopList': ok({ items: [], nextCursor: null }) }) });
    expect(empty.text('.page-empty')).toContain('没有待回复的评价');
  });
});
