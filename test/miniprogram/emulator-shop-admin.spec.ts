/**
 * The shop admin pages against the real `shop` and `merchant` functions on the emulator: an owner
 * publishes goods from the edit page, finds them in the goods list, edits the stock while a
 * shopper buys, invites a member of staff who joins from the join page and then sees the shop's
 * overview. Nothing is stubbed but WeChat itself (and the picture upload: local mode has none).
 */
import { read, seedCategory, seedShop } from '../support/fixtures';
import { loadPage, type LoadedPage } from './support/load-page';
import { shopAs, startPageMall, type Mall } from './support/page-mall';

let mall: Mall;
const OWNER = 'admin-page-owner';
const IMAGE = 'cloud://local-env.6c6f-local-env-1250000000/goods/new.png';

beforeAll(async () => {
  mall = await startPageMall();
  const { db } = mall;
  await seedShop(db, { _id: 'shop-p', name: '页面测试店', ownerOpenid: OWNER });
  await seedCategory(db, { _id: 'c-tea', name: '茶叶' });
  await seedCategory(db, { _id: 'c-green', name: '绿茶', parentId: 'c-tea' });
  await db.collection('roles').add({ data: { _id: OWNER, platformAdmin: false, shops: [{ shopId: 'shop-p', role: 'owner' }], updatedAt: new Date() } });
}, 60000);

afterAll(async () => {
  await mall?.stop();
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function open(path: string, query?: Record<string, string>): Promise<LoadedPage> {
  const page = await loadPage(path, { transport: 'app', ...(query ? { query } : {}) });
  await page.waitFor(() => page.data.status !== 'loading');
  return page;
}

it('publishes goods with two SKUs, lists them, and edits the stock without losing a sale', async () => {
  shopAs(mall, OWNER);
  const edit = await open('packages/shop/goods-edit/index', { shopId: 'shop-p' });
  await edit.trigger('.goods-edit__title', 'change', { value: '明前龙井' });
  await edit.trigger('.goods-edit__cascader', 'change', { value: 'c-green', selectedOptions: [{ label: '茶叶' }, { label: '绿茶' }] });
  (edit.instance as unknown as { setData(patch: object): void }).setData({ 'form.images': [IMAGE] });
  await edit.tap('.goods-edit__add-spec');
  await edit.trigger('.spec__name', 'change', { value: '规格' });
  for (const value of ['250g', '500g']) {
    await edit.trigger('.spec__input', 'change', { value });
    await edit.tap('.spec__add-value');
  }
  await edit.trigger('.batch__price', 'change', { value: '268' });
  await edit.trigger('.batch__stock', 'change', { value: '10' });
  await edit.tap('.batch__apply');
  await edit.tap('.goods-edit__save');
  await edit.waitFor(() => (wx.navigateBack as jest.Mock).mock.calls.length > 0);

  const list = await open('packages/shop/goods/index', { shopId: 'shop-p' });
  expect(list.texts('.goods-row__title')).toEqual(['明前龙井']);
  expect(list.texts('.goods-row__stock')).toEqual(['库存 20']);
  const goodsId = (list.data.items as Array<{ id: string }>)[0]!.id;
  await list.tap('.goods-row__edit');

  const again = await open('packages/shop/goods-edit/index', { shopId: 'shop-p', goodsId });
  expect(again.texts('.sku-row__spec')).toEqual(['250g', '500g']);
  // 3 of 250g sell while the form is open; the owner then raises it from 10 to 15
  const sku250 = (await mall.db.collection('skus').where({ goodsId, 'specValues.规格': '250g' }).get()).data[0];
  await mall.db.collection('skus').doc(sku250._id).update({ data: { stock: 7, sales: 3 } });
  await again.trigger(again.findAll('.sku-row__stock')[0]!, 'change', { value: '15' });
  const backs = (wx.navigateBack as jest.Mock).mock.calls.length;
  await again.tap('.goods-edit__save');
  await again.waitFor(() => (wx.navigateBack as jest.Mock).mock.calls.length > backs);
  expect((await read(mall.db, 'skus', sku250._id)).stock).toBe(12);
});

it('invites staff who join from the join page and then see the overview', async () => {
  shopAs(mall, OWNER);
  const staff = await open('packages/shop/staff/index', { shopId: 'shop-p' });
  expect(staff.texts('.member__role')).toEqual(['店主']);
  await staff.tap('.staff__create');
  await staff.waitFor(() => staff.exists('.staff__code'));
  const code = staff.text('.staff__code');

  shopAs(mall, 'admin-page-newcomer');
  const join = await loadPage('packages/shop/join/index', { transport: 'app', query: { code } });
  await join.tap('.join__submit');
  await join.waitFor(() => join.exists('.join__done'));
  expect(join.text('.join__done')).toContain('页面测试店');
  await join.tap('.join__open');
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/shop/overview/index?shopId=shop-p' });

  const overview = await open('packages/shop/overview/index', { shopId: 'shop-p' });
  expect(overview.text('.overview__name')).toBe('页面测试店');
  expect(overview.text('.overview__role')).toBe('店员');
  expect(overview.texts('.overview__card-value')).toEqual(['0', '¥0.00', '0', '0', '0']);
});
