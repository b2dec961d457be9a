import type { OrderReviewState } from '../../miniprogram/services/contracts';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const WRITE = 'packages/order/review/index';
const line = (lineIndex: number, title: string) => ({ lineIndex, goodsId: `g${lineIndex}`, title, coverUrl: 'https://img.example.com/g.png', specText: '1个装', review: null });
const state: OrderReviewState = { orderId: 'o1', canReview: true, lines: [line(0, '南汇8424西瓜'), line(1, '马陆葡萄')] };

describe('write review page', () => {
  it('rates each line, writes text, adds a photo and submits; reviewed lines turn read-only', async () => {
    const uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: 'cloud://env.bucket/reviews/p.png' }) }));
    (wx as any).uploadFile = uploadFile;
    (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/p.png' }] });
    const done: OrderReviewState = {
      ...state,
      lines: state.lines.map((l) => ({ ...l, review: { id: `r${l.lineIndex}`, goodsId: l.goodsId, specText: l.specText, displayName: '王**', stars: l.lineIndex ? 5 : 3, text: l.lineIndex ? '' : '有点小', photos: [], createdAt: 0, reply: null } })),
    };
    const transport = stubTransport({ 'review.mineForOrder': ok(state), 'review.create': ok(done) });
    const page = await loadPage(WRITE, { query: { orderId: 'o1' }, transport });
    expect(page.texts('.review-line__title')).toEqual(['南汇8424西瓜', '马陆葡萄']);
    expect(page.texts('.review-line__star-text')).toEqual(['非常满意', '非常满意']);

    await page.trigger(page.findAll('.review-line__rate')[0]!, 'change', { value: 3 });
    expect(page.texts('.review-line__star-text')[0]).toBe('一般');
    await page.trigger(page.findAll('.review-line__input')[0]!, 'change', { value: ' 有点小 ' });
    await page.tap(page.findAll('.review-line__photo-add')[1]!);
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:9000/gateway/storage/upload', name: 'file' }));
    await page.tap('.write-review__anonymous');
    await page.tap('.write-review__submit');
    expect(transport.calls.at(-1)?.data).toEqual({
      action: 'create',
      orderId: 'o1',
      anonymous: true,
      items: [
        { lineIndex: 0, stars: 3, text: '有点小', photos: [] },
        { lineIndex: 1, stars: 5, text: '', photos: ['http://127.0.0.1:9000/storage/bucket/reviews/p.png'] },
      ],
    });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '评价成功', icon: 'success' });
    expect(page.texts('.review-line__badge')).toEqual(['已评价', '已评价']);
    expect(page.exists('.review-line__input')).toBe(false);
    expect(page.exists('.write-review__submit')).toBe(false);
  });

  it('shows why a submit was refused and keeps what was written', async () => {
    const transport = stubTransport({ 'review.mineForOrder': ok(state), 'review.create': fail('CONTENT_RISKY', '内容含有违规信息，请修改后再提交') });
    const page = await loadPage(WRITE, { query: { orderId: 'o1' }, transport });
    await page.trigger(page.findAll('.review-line__input')[0]!, 'change', { value: '不当内容' });
    await page.tap('.write-review__submit');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '内容含有违规信息，请修改后再提交', icon: 'none' });
    expect((page.data.lines as Array<{ text: string }>)[0]!.text).toBe('不当内容');
  });

  it('before receipt says when reviews open; errors offer a retry', async () => {
    const early = await loadPage(WRITE, { query: { orderId: 'o1' }, transport: stubTransport({ 'review.mineForOrder': ok({ ...state, canReview: false }) }) });
    expect(early.text('.write-review__notice')).toBe('确认收货后就可以评价啦');
    expect(early.exists('.write-review__submit')).toBe(false);

    let calls = 0;
    const page = await loadPage(WRITE, { query: { orderId: 'o1' }, transport: stubTransport({ 'review.mineForOrder': () => (++calls === 1 ? fail('NOT_FOUND', '订单不存在') : ok(state)) }) });
    expect(page.text('.page-error')).toContain('订单不存在');
    await page.tap('.page-retry');
    expect(page.texts('.review-line__title')).toHaveLength(2);
  });
});
