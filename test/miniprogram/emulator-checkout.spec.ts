/**
 * The buying pages against the real user, cart, order, payment and coupon functions on the
 * emulator: claim a coupon, add an address, check out from the cart, pay in (emulated) WeChat Pay,
 * see the result and the orders; cancel an unpaid order. Only WeChat itself is played by the test.
 */
import { ADDRESS, read, seedCouponTemplate, seedGoods, seedShop } from '../support/fixtures';
import { loadPage, type LoadedPage } from './support/load-page';
import { payInWeChat, shopAs, startPageMall, type Mall } from './support/page-mall';

let mall: Mall;

beforeAll(async () => {
  mall = await startPageMall();
  const { db } = mall;
  // Both ship for ¥8.00, free from ¥99.00.
  await seedShop(db, { _id: 's-tea', name: '杭州茗香茶庄' });
  await seedShop(db, { _id: 's-fruit', name: '赣南果园直供' });
  await seedGoods(db, { _id: 'g-longjing', shopId: 's-tea', title: '西湖龙井 明前特级' }, [{ _id: 'k-longjing', priceFen: 49800, stock: 20 }]);
  await seedGoods(db, { _id: 'g-orange', shopId: 's-fruit', title: '赣南脐橙 5kg' }, [{ _id: 'k-orange', priceFen: 3990, stock: 50 }]);
  await seedCouponTemplate(db, { _id: 'tpl-100-20', title: '全场满100减20' });
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

const lastCall = (mock: unknown) => (mock as jest.Mock).mock.calls.at(-1)?.[0] as { url?: string; title?: string } | undefined;

it('a shopper claims a coupon, adds an address, checks out from the cart, pays and sees the orders', async () => {
  const shopper = 'buyer-journey';
  shopAs(mall, shopper);

  // Coupon centre: claim.
  const center = await open('packages/coupon/center/index');
  expect(center.texts('.center-coupon__claim')).toEqual(['立即领取']);
  await center.tap('.center-coupon__claim');
  await center.waitFor(() => center.texts('.center-coupon__claim')[0] === '已领取');

  // Address: the form, saved by the user function.
  const edit = await open('packages/user/address-edit/index');
  await edit.trigger('.address-form__name', 'change', { value: ADDRESS.name });
  await edit.trigger('.address-form__phone', 'change', { value: ADDRESS.phone });
  edit.find('.address-form__region')!.dispatchEvent('change', { detail: { value: [ADDRESS.province, ADDRESS.city, ADDRESS.district] } });
  await edit.trigger('.address-form__detail', 'change', { value: ADDRESS.detail });
  await edit.tap('.address-edit__save');
  await edit.waitFor(() => (wx.navigateBack as jest.Mock).mock.calls.length > 0);

  // Cart: two shops; checkout takes the selected lines.
  await mall.as(shopper).ok('cart', 'add', { skuId: 'k-longjing', quantity: 1 });
  await mall.as(shopper).ok('cart', 'add', { skuId: 'k-orange', quantity: 2 });
  const cart = await open('pages/cart/index');
  expect(cart.text('.cart__total')).toBe('¥577.80');
  await cart.tap('.cart__checkout');

  // Checkout: the server's quote with the default address and the best coupon.
  const checkout = await open('packages/order/checkout/index');
  expect(checkout.text('.checkout__address-person')).toBe(`${ADDRESS.name} ${ADDRESS.phone}`);
  expect(checkout.texts('.checkout-shop__shipping').sort()).toEqual(['¥8.00', '包邮']);
  expect(checkout.text('.checkout__discount')).toBe('-¥20.00');
  expect(checkout.text('.checkout__pay')).toBe('¥565.80');

  payInWeChat(mall);
  await checkout.tap('.checkout__submit');
  await checkout.waitFor(() => (wx.redirectTo as jest.Mock).mock.calls.length > 0);
  const payResultUrl = lastCall(wx.redirectTo)!.url!;
  const paymentId = /paymentId=([^&]+)/.exec(payResultUrl)![1]!;
  expect(await read(mall.db, 'payments', paymentId)).toMatchObject({ status: 'paid', totalFen: 56580 });

  // Pay result: asks the payment function.
  const result = await open('packages/order/pay-result/index', { paymentId });
  expect(result.text('.pay-result__result')).toContain('支付成功');
  expect(result.text('.pay-result__amount')).toBe('¥565.80');

  // The orders, one per shop, now wait for shipping; the cart lines are gone.
  const orders = await open('packages/order/list/index', { status: 'paid' });
  expect(orders.texts('.order-card__status')).toEqual(['待发货', '待发货']);
  expect(orders.texts('.order-card__shop').sort()).toEqual(['杭州茗香茶庄', '赣南果园直供']);
  expect((await mall.as(shopper).ok('cart', 'view', {})).shops).toEqual([]);

  // Me: the counts and the coupon used up.
  const me = await open('pages/me/index');
  expect(me.texts('.me__order-entry')).toEqual(['待付款', '2待发货', '待收货', '已完成']);
  expect(me.text('.me__coupons')).toBe('我的优惠券');
});

it('an unpaid order: detail with the time left to pay, cancelled after confirming', async () => {
  const shopper = 'buyer-cancel';
  const address = await mall.as(shopper).ok('user', 'createAddress', ADDRESS);
  const items = [{ skuId: 'k-orange', quantity: 1 }];
  const quote = await mall.as(shopper).ok('order', 'quote', { items, addressId: address.id });
  const created = await mall.as(shopper).ok('order', 'create', { requestId: 'req-cancel-1', items, addressId: address.id, couponIds: [], expectedPayFen: quote.payFen });
  const orderId = created.orderIds[0]!;
  shopAs(mall, shopper);

  const page = await open('packages/order/detail/index', { orderId });
  expect(page.text('.order__status')).toBe('待付款');
  expect(page.text('.order__pay')).toBe('¥47.90');
  expect(page.exists('.order__countdown')).toBe(true);

  await page.tap('.order__cancel');
  await page.tap('.order__dialog >>> .t-dialog__button--confirm');
  await page.waitFor(() => page.text('.order__status') === '已取消');

  expect(await read(mall.db, 'orders', orderId)).toMatchObject({ status: 'cancelled' });
  expect(page.exists('.order__bar')).toBe(false);
});
