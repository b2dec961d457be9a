import type { CartView } from '../../miniprogram/services/contracts';
import { cartOnlyLongjingSelected, cartWithLines, emptyCart } from './fixtures/cart';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const CART = 'pages/cart/index';

const cartCalls = (transport: ReturnType<typeof stubTransport>) => transport.calls.filter((call) => call.data.action !== 'view').map((call) => call.data);

describe('cart page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows loading, then the lines grouped by shop with states, and the totals the server computed', async () => {
    const answer = deferred<unknown>();
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': () => answer.promise }) });
    expect(page.exists('.page-loading')).toBe(true);

    answer.resolve(ok(cartWithLines));
    await page.settle();

    expect(page.texts('.cart-shop__name')).toEqual(['杭州茗香茶庄', '赣南果园直供']);
    expect(page.texts('.cart-line__title')).toEqual(['西湖龙井 明前特级 礼盒装', '洞庭碧螺春 特级 100g', '赣南脐橙 5kg 当季现摘', '琯溪蜜柚 2 个装']);
    expect(page.texts('.cart-line__price')).toEqual(['¥498.00', '¥128.00', '¥39.90', '¥29.90']);
    expect(page.texts('.cart-line__state')).toEqual(['已售罄', '已下架']);
    // Unavailable lines have no stepper and a disabled checkbox.
    expect(page.findAll('.cart-line__stepper')).toHaveLength(2);
    expect(page.texts('.cart-line__quantity')).toEqual(['×1', '×1']);
    expect(page.findAll('.cart-line__check >>> .t-checkbox--disabled')).toHaveLength(2);
    expect(page.text('.cart__total')).toBe('¥577.80');
    expect(page.text('.cart__checkout')).toBe('去结算(2)');
    expect(page.text('.cart__clear-invalid')).toBe('清空失效商品（2）');
  });

  it('selects per line, per shop and all, sending only selectable lines, and shows the new totals', async () => {
    const transport = stubTransport({ 'cart.view': ok(cartWithLines), 'cart.select': ok(cartOnlyLongjingSelected) });
    const page = await loadPage(CART, { transport });

    await page.tap(page.findAll('.cart-line__check')[2]!);
    expect(page.text('.cart__total')).toBe('¥498.00');
    expect(page.text('.cart__checkout')).toBe('去结算(1)');

    await page.tap(page.findAll('.cart-shop__check')[1]!);
    await page.tap('.cart__all');
    // A sold-out line's checkbox does nothing.
    await page.tap(page.findAll('.cart-line__check')[1]!);

    expect(cartCalls(transport)).toEqual([
      { action: 'select', lineIds: ['line-orange'], selected: false },
      { action: 'select', lineIds: ['line-orange'], selected: true },
      { action: 'select', lineIds: ['line-longjing', 'line-orange'], selected: true },
    ]);
  });

  it('changes quantities with the stepper and deletes lines', async () => {
    const afterDelete: CartView = { ...cartWithLines, shops: [cartWithLines.shops[0]!] };
    const transport = stubTransport({ 'cart.view': ok(cartWithLines), 'cart.setQuantity': ok(cartWithLines), 'cart.remove': ok(afterDelete) });
    const page = await loadPage(CART, { transport });

    await page.tap('.cart-line__stepper >>> .t-stepper__plus');
    await page.tap(page.findAll('.cart-line__delete')[2]!);
    await page.tap('.cart__clear-invalid');

    expect(cartCalls(transport)).toEqual([
      { action: 'setQuantity', lineId: 'line-longjing', quantity: 2 },
      { action: 'remove', lineIds: ['line-orange'] },
      { action: 'remove', lineIds: ['line-biluochun'] },
    ]);
    expect(page.texts('.cart-shop__name')).toEqual(['杭州茗香茶庄']);
  });

  it('puts the quantity back and says why when the server refuses it', async () => {
    const transport = stubTransport({ 'cart.view': ok(cartWithLines), 'cart.setQuantity': fail('OUT_OF_STOCK', '库存不足') });
    const page = await loadPage(CART, { transport });

    await page.tap('.cart-line__stepper >>> .t-stepper__plus');

    expect(wx.showToast).toHaveBeenCalledWith({ title: '库存不足', icon: 'none' });
    expect(page.find('.cart-line__stepper')!.data.currentValue).toBe(1);
  });

  it('checks out the selected lines from the cart', async () => {
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': ok(cartWithLines) }) });

    await page.tap('.cart__checkout');

    expect(wx.getStorageSync('cloudmall.checkout-intent')).toEqual({
      items: [
        { skuId: 'sku-gift-500', quantity: 1 },
        { skuId: 'sku-orange-5kg', quantity: 2 },
      ],
      fromCart: true,
    });
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/checkout/index' });
  });

  it('opens the goods of a line', async () => {
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': ok(cartWithLines) }) });

    await page.tap(page.findAll('.cart-line__title')[2]!);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/goods/detail/index?goodsId=gds-orange-5kg' });
  });

  it('shows the empty state with a way back to shopping', async () => {
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': ok(emptyCart) }) });

    expect(page.text('.page-empty')).toContain('购物车还是空的');
    await page.tap('.page-empty-action');

    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('reloads on every show, keeping the lines on screen meanwhile', async () => {
    const answers = [ok(cartWithLines), ok(emptyCart)];
    const transport = stubTransport({ 'cart.view': () => answers.shift() });
    const page = await loadPage(CART, { transport });

    await page.lifecycle('onShow');

    expect(transport.calls).toHaveLength(2);
    expect(page.exists('.page-empty')).toBe(true);
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('UNAUTHENTICATED', '请先登录'), ok(cartWithLines)];
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('请先登录');
    await page.tap('.page-retry');

    expect(page.findAll('.cart-line')).toHaveLength(4);
  });
});
