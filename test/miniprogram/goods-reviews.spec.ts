import type { ReviewView } from '../../miniprogram/services/contracts';
import { loadPage } from './support/load-page';
import { ok, stubTransport } from './support/stub-transport';

const REVIEWS = 'packages/goods/reviews/index';
const review = (id: string, over: Partial<ReviewView> = {}): ReviewView => ({ id, goodsId: 'g1', specText: '1个装', displayName: '王**', stars: 5, text: `评价${id}`, photos: [], createdAt: Date.UTC(2026, 5, 1, 4), reply: null, ...over });

describe('goods reviews page', () => {
  it('shows the summary and reviews with replies, filters to photos, pages on and previews photos', async () => {
    const transport = stubTransport({
      'review.summary': ok({ count: 3, average: 4.3, goodRate: 67, stars: [0, 1, 0, 0, 2], withPhotos: 1 }),
      'review.listForGoods': (data: { withPhotos?: boolean; cursor?: string }) =>
        ok(data.withPhotos ? { items: [review('r2', { photos: ['https://img.example.com/a.jpg', 'https://img.example.com/b.jpg'] })], nextCursor: null } : data.cursor ? { items: [review('r3', { stars: 2, text: '' })], nextCursor: null } : { items: [review('r1', { reply: { text: '谢谢', at: 0 } }), review('r2')], nextCursor: 'p2' }),
    });
    const page = await loadPage(REVIEWS, { query: { goodsId: 'g1' }, transport });
    expect(page.text('.goods-reviews__average')).toBe('4.3');
    expect(page.text('.goods-reviews__rate')).toBe('好评率 67%');
    expect(page.texts('.review-item__text')).toEqual(['评价r1', '评价r2']);
    expect(page.texts('.review-item__reply')).toEqual(['商家回复：谢谢']);
    expect(page.text('.review-item__date')).toBe('2026-06-01');

    await page.lifecycle('onReachBottom');
    expect(page.texts('.review-item__text')).toEqual(['评价r1', '评价r2', '此用户没有填写评价']);

    await page.tap(page.findAll('.goods-reviews__filter')[1]!);
    expect(transport.calls.at(-1)?.data).toEqual({ action: 'listForGoods', goodsId: 'g1', withPhotos: true, pageSize: 20 });
    expect(page.texts('.review-item__text')).toEqual(['评价r2']);
    await page.tap(page.findAll('.review-item__photo')[1]!);
    expect(wx.previewImage).toHaveBeenLastCalledWith({ current: 'https://img.example.com/b.jpg', urls: ['https://img.example.com/a.jpg', 'https://img.example.com/b.jpg'] });
  });

  it('shows the empty state for goods without reviews', async () => {
    const page = await loadPage(REVIEWS, { query: { goodsId: 'g1' }, transport: stubTransport({ 'review.summary': ok({ count: 0, average: 0, goodRate: 100, stars: [0, 0, 0, 0, 0], withPhotos: 0 }), 'review.listForGoods': ok({ items: [], nextCursor: null }) }) });
    expect(page.text('.goods-reviews__average')).toBe('暂无');
    expect(page.text('.page-empty')).toContain('还没有评价');
  });
});
