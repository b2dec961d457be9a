/**
 * Onboarding and the platform admin pages against the real `merchant`, `platform` and `catalog`
 * functions on the emulator: a shopper applies from the apply page, the admin finds 平台管理 on the
 * me page, approves from the applications page, and the applicant's me page then leads to the new
 * shop; the admin adds a category and a home banner that the shopper's catalog shows. Only WeChat
 * itself is stubbed (the picture upload and the subscribe-message prompt).
 */
import { loadPage, type LoadedPage } from './support/load-page';
import { shopAs, startPageMall, type Mall } from './support/page-mall';

let mall: Mall;
const ADMIN = 'page-admin';
const APPLICANT = 'page-applicant';
/** The file id the emulator gives the path the page uploads to. */
const fileIdOf = (cloudPath: string) => `cloud://local-env.6c6f-local-env-1250000000/${cloudPath}`;

beforeAll(async () => {
  mall = await startPageMall();
  await mall.db.collection('roles').add({ data: { _id: ADMIN, platformAdmin: true, shops: [], updatedAt: new Date() } });
}, 60000);

afterAll(async () => {
  await mall?.stop();
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  (wx as any).requestSubscribeMessage = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_MERCHANT_REVIEW: 'accept' });
  (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/p.png' }] });
  (wx as any).uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: fileIdOf(o.formData.cloudPath) }) }));
});

async function open(path: string, query?: Record<string, string>): Promise<LoadedPage> {
  const page = await loadPage(path, { transport: 'app', ...(query ? { query } : {}) });
  await page.waitFor(() => page.data.status !== 'loading');
  return page;
}

async function roleTitles(): Promise<string[]> {
  const me = await open('pages/me/index');
  await me.waitFor(() => me.exists('.me__role'));
  return me.texts('.me__role');
}

it('a shopper applies, the admin approves, and the new owner reaches the shop', async () => {
  shopAs(mall, APPLICANT);
  expect(await roleTitles()).toEqual(['申请开店免费入驻']);
  const apply = await open('packages/shop/apply/index');
  await apply.trigger('.apply__shop-name', 'change', { value: '页面测试咖啡' });
  await apply.trigger('.apply__contact', 'change', { value: '周七' });
  await apply.trigger('.apply__phone', 'change', { value: '13512345678' });
  await apply.tap('.apply__license');
  await apply.tap('.apply__submit');
  await apply.waitFor(() => apply.exists('.apply__card-title'));
  expect(apply.text('.apply__card-title')).toBe('审核中');

  shopAs(mall, ADMIN);
  expect(await roleTitles()).toEqual(['平台管理']);
  const home = await open('packages/platform/home/index');
  expect(home.texts('.ph__figure-value')[0]).toBe('1');
  const queue = await open('packages/platform/applications/index');
  expect(queue.texts('.pa-item__name')).toEqual(['页面测试咖啡']);
  (wx.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
  await queue.tap('.pa-item__approve');
  await queue.waitFor(() => queue.data.status === 'empty');

  const shops = await open('packages/platform/shops/index');
  expect(shops.texts('.ps-item__name')).toEqual(['页面测试咖啡']);
  expect(shops.texts('.ps-item__owner')).toEqual([`店主：${APPLICANT}`]);

  shopAs(mall, APPLICANT);
  expect(await roleTitles()).toEqual(['我的店铺页面测试咖啡']);
  const approved = await open('packages/shop/apply/index');
  expect(approved.text('.apply__card-title')).toBe('店铺已开通');
});

it('the admin adds a category and a home banner that shoppers see', async () => {
  shopAs(mall, ADMIN);
  const categories = await open('packages/platform/categories/index');
  expect(categories.data.status).toBe('empty');
  await categories.tap('.page-empty-action');
  await categories.trigger('.pc__name', 'change', { value: '咖啡' });
  await categories.tap('.pc__dialog >>> .t-dialog__button--confirm');
  await categories.waitFor(() => categories.data.status === 'ready');
  expect(categories.texts('.pc-row__name')).toEqual(['咖啡']);

  const bannersPage = await open('packages/platform/banners/index');
  await bannersPage.tap('.page-empty-action');
  await bannersPage.tap('.pb__image');
  await bannersPage.trigger('.pb__title', 'change', { value: '咖啡节' });
  bannersPage.find('.pb__link-type')!.dispatchEvent('change', { detail: { value: 3 } });
  await bannersPage.settle();
  await bannersPage.trigger('.pb__link-value', 'change', { value: '咖啡' });
  await bannersPage.tap('.pb__dialog >>> .t-dialog__button--confirm');
  await bannersPage.waitFor(() => bannersPage.data.status === 'ready');
  expect(bannersPage.texts('.pb-item__meta')).toEqual(['搜索「咖啡」 · 排序 0']);

  const feed = await mall.as('page-shopper').ok('catalog', 'home', {});
  expect(feed.banners.map((b) => [b.title, b.link])).toEqual([['咖啡节', { type: 'search', keyword: '咖啡' }]]);
  expect(feed.categories.map((c) => c.name)).toEqual(['咖啡']);
});
