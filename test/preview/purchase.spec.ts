/**
 * A shopper buys something in the browser preview (preview/server.ts), as a person would: in
 * Chromium, against the real pages running server-side and the real cloud functions in a private
 * local mall. Search, open the goods, pick a SKU, add it to the cart, check out from the cart with
 * a new address, pay in the simulated payment sheet, see it paid; then the order is checked
 * through the real order function. Each step names itself when it fails.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { bem, type Journey, startJourney, step as journeyStep, stopJourney } from './support/journey';

const SHOPPER = 'dev-shopper-1';
/** Demo goods-001: 南汇8424西瓜, SKU "2个装" is goods-001-2 at ¥39.90 + ¥20.00 (scripts/demo/catalog-data.ts). */
const GOODS_TITLE = '南汇8424西瓜';
const SKU_TEXT = '2个装';
const SKU_ID = 'goods-001-2';

let journey: Journey | undefined;

beforeAll(async () => {
  journey = await startJourney(SHOPPER);
}, 300_000);

afterAll(() => stopJourney(journey));

const step = (name: string, action: () => Promise<void>) => journeyStep(journey!, 'purchase', name, action);

/** The status line of the shell shows errors of page code ("页面出错") and refused commands. */
async function shellStatus(page: Page): Promise<string> {
  return (await page.locator('#pv-status').textContent()) ?? '';
}

it('buys a goods item: search, SKU, cart, checkout with a new address, simulated payment, paid', async () => {
  if (!journey) throw new Error('beforeAll did not finish');
  const { browser, preview, demo, browserErrors } = journey;
  const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  page.setDefaultTimeout(15_000);
  const frame: FrameLocator = page.frameLocator('#pv-frame');
  const navTitle = page.locator('[data-pv-title]');

  await step('open the preview on the home page', async () => {
    await page.goto(preview.url);
    await frame.locator(bem('home__search')).waitFor();
  });

  await step('home: tap the search bar', async () => {
    await frame.locator(bem('home__search')).click();
    await frame.locator('input.pv-native').first().waitFor();
  });

  await step(`search: type ${GOODS_TITLE.slice(-2)} and submit`, async () => {
    const input = frame.locator('input.pv-native').first();
    await input.fill(GOODS_TITLE.slice(-2));
    await input.press('Enter');
    await frame.locator(bem('goods-card__title'), { hasText: GOODS_TITLE }).first().waitFor();
  });

  await step('search: open the goods', async () => {
    await frame.locator(bem('goods-card__title'), { hasText: GOODS_TITLE }).first().click();
    await frame.locator(bem('detail__title'), { hasText: GOODS_TITLE }).waitFor();
  });

  await step(`detail: add to cart, pick ${SKU_TEXT}`, async () => {
    await frame.locator(bem('detail__add')).click();
    await frame.locator(bem('sku-picker__value'), { hasText: SKU_TEXT }).click();
    await frame.locator(bem('sku-picker__value--selected'), { hasText: SKU_TEXT }).waitFor();
    await frame.locator(bem('sku-picker__add')).click();
    await page.locator('.pv-toast', { hasText: '已加入购物车' }).waitFor();
  });

  await step('detail: go to the cart', async () => {
    await frame.locator(bem('detail__bar-cart')).click();
    await navTitle.filter({ hasText: '购物车' }).waitFor();
    await frame.locator(bem('cart-line__title'), { hasText: GOODS_TITLE }).waitFor();
    await frame.locator(bem('cart-line__spec'), { hasText: SKU_TEXT }).waitFor();
  });

  await step('cart: check out', async () => {
    await frame.locator(bem('cart__checkout')).click();
    await frame.locator(bem('checkout__address')).waitFor();
  });

  await step('checkout: choose an address (none yet: add one)', async () => {
    await frame.locator(bem('checkout__address')).click();
    await frame.getByText('新增收货地址').first().click();
    await frame.getByPlaceholder('请填写收货人姓名').waitFor();
  });

  await step('address: fill in and save', async () => {
    await frame.getByPlaceholder('请填写收货人姓名').fill('张小云');
    await frame.getByPlaceholder('请填写11位手机号').fill('13800138000');
    await frame.locator(bem('address-form__region')).click();
    const picker = page.locator('.pv-picker');
    await picker.getByPlaceholder('省').fill('上海市');
    await picker.getByPlaceholder('市').fill('上海市');
    await picker.getByPlaceholder('区').fill('浦东新区');
    await picker.getByText('确定').click();
    await frame.getByText('上海市 上海市 浦东新区').waitFor();
    await frame.getByPlaceholder('街道、楼牌号等').fill('世纪大道 100 号 8 楼');
    await frame.locator(bem('address-edit__save')).click();
    await frame.locator(bem('address-item__name'), { hasText: '张小云' }).waitFor();
  });

  await step('addresses: pick the new address for the checkout', async () => {
    await frame.locator(bem('address-item__body')).first().click();
    await frame.locator(bem('checkout__address-person'), { hasText: '张小云' }).waitFor();
  });

  let amount = '';
  await step('checkout: submit the order', async () => {
    amount = ((await frame.locator(bem('checkout__pay')).textContent()) ?? '').trim();
    expect(amount).toMatch(/^¥\d+\.\d{2}$/);
    await frame.locator(bem('checkout__submit')).click();
    await page.locator('.pv-pay').waitFor();
  });

  await step('pay: confirm in the simulated payment sheet', async () => {
    await expect(page.locator('[data-pv-pay-amount]').textContent()).resolves.toBe(amount);
    await page.locator('.pv-pay').getByText('确认支付').click();
    await page.locator('.pv-pay').waitFor({ state: 'detached' });
  });

  await step('pay result: paid', async () => {
    await frame.getByText('支付成功').waitFor();
    expect(await shellStatus(page)).toBe('');
  });

  await step('the order function has the paid order', async () => {
    const orders = await demo.mall.as(SHOPPER).ok('order', 'list', { status: 'paid', pageSize: 10 });
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]?.lines.map((line) => [line.skuId, line.quantity])).toEqual([[SKU_ID, 1]]);
  });
  await page.close();
});
