import { cartWithTwoLines, emptyCart } from './fixtures/cart';
import { loadPage } from './support/load-page';
import { fail, ok, stubTransport } from './support/stub-transport';

const CART = 'pages/cart/index';

describe('cart page', () => {
  it('shows the lines with prices and the total computed by the server', async () => {
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': ok(cartWithTwoLines) }) });

    expect(page.texts('.cart-line__title')).toEqual(['西湖龙井 明前特级 250g 礼盒装', '赣南脐橙 5kg 当季现摘']);
    expect(page.texts('.cart-line__price')).toEqual(['¥268.00', '¥39.90']);
    expect(page.texts('.cart-line__quantity')).toEqual(['×1', '×2']);
    expect(page.text('.cart__total')).toBe('¥347.80');
  });

  it('shows the empty state with a way back to shopping', async () => {
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': ok(emptyCart) }) });

    expect(page.text('.cart__empty')).toContain('购物车还是空的');
    await page.tap('.cart__go-shopping');

    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('reloads on every show, keeping the lines on screen meanwhile', async () => {
    const answers = [ok(cartWithTwoLines), ok(emptyCart)];
    const transport = stubTransport({ 'cart.view': () => answers.shift() });
    const page = await loadPage(CART, { transport });

    await page.lifecycle('onShow');

    expect(transport.calls).toHaveLength(2);
    expect(page.exists('.cart__empty')).toBe(true);
  });

  it('shows the error with a retry button', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answers = [fail('UNAUTHENTICATED', '请先登录'), ok(cartWithTwoLines)];
    const page = await loadPage(CART, { transport: stubTransport({ 'cart.view': () => answers.shift() }) });

    expect(page.text('.cart__error')).toContain('请先登录');
    await page.tap('.cart__retry');

    expect(page.findAll('.cart-line')).toHaveLength(2);
  });
});
