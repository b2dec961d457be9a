/**
 * A shopper applies to open a shop in the browser preview, licence photo included, and a platform
 * admin approves it there: the preview's `wx.chooseMedia` picks a sample picture and
 * `wx.uploadFile` sends it to the emulator's upload gateway, the real merchant function stores the
 * application, and the admin's review page approves it.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { bem, type Journey, startJourney, step as journeyStep, stopJourney } from './support/journey';

const APPLICANT = 'dev-shopper-1';
const ADMIN = 'dev-admin-1';
const SHOP_NAME = '静安手冲咖啡';

let journey: Journey | undefined;

beforeAll(async () => {
  journey = await startJourney(APPLICANT);
}, 300_000);

afterAll(() => stopJourney(journey));

const step = (name: string, action: () => Promise<void>) => journeyStep(journey!, 'merchant', name, action);

it('applies with a licence photo, and the admin approves it on the review page', async () => {
  if (!journey) throw new Error('beforeAll did not finish');
  const { browser, preview, demo, browserErrors } = journey;
  const page: Page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  page.setDefaultTimeout(15_000);
  const frame: FrameLocator = page.frameLocator('#pv-frame');

  await step('open the application form', async () => {
    await page.goto(`${preview.url}#/packages/shop/apply/index`);
    await frame.getByText('开一家自己的店').waitFor();
  });

  await step('fill in the form', async () => {
    await frame.getByPlaceholder('顾客看到的店名').fill(SHOP_NAME);
    await frame.getByPlaceholder('你的姓名').fill('林静');
    await frame.getByPlaceholder('用于审核联系').fill('13700001111');
  });

  await step('upload the licence photo', async () => {
    await frame.locator(bem('apply__license')).click();
    await frame.getByText('查看大图').waitFor();
  });

  await step('submit: the application is under review', async () => {
    await frame.locator(bem('apply__submit')).click();
    await frame.locator(bem('apply__card-shop'), { hasText: SHOP_NAME }).waitFor();
  });

  const { application } = await demo.mall.as(APPLICANT).ok('merchant', 'myApplication', {});
  await step('the application holds an uploaded licence', async () => {
    expect(application).toMatchObject({ shopName: SHOP_NAME, status: 'pending' });
    const licence = application!.licenseFileId;
    expect(licence).toMatch(/^cloud:\/\//);
    const { fileList } = await demo.mall.cloud.getTempFileURL({ fileList: [licence] });
    const res = await fetch(fileList[0].tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  await step('the admin approves it on the review page', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
    const adminPage = await context.newPage();
    adminPage.on('pageerror', (error) => browserErrors.push(error.message));
    adminPage.setDefaultTimeout(15_000);
    await adminPage.goto(`${preview.url}#/packages/platform/applications/index`);
    await adminPage.locator('#pv-identity').selectOption(ADMIN);
    const adminFrame = adminPage.frameLocator('#pv-frame');
    await adminFrame.getByText(SHOP_NAME).waitFor();
    // the review queue is oldest first: the demo's own pending application comes before ours
    await adminFrame.locator(bem('pa-item')).filter({ hasText: SHOP_NAME }).locator(bem('pa-item__approve')).click();
    await adminPage.locator('[data-action="modal-confirm"]').click();
    await adminPage.locator('.pv-toast', { hasText: '已通过' }).waitFor();
    await context.close();
  });

  await step('the merchant function has the approved application and its shop', async () => {
    for (let i = 0; i < 50; i++) {
      const mine = await demo.mall.as(APPLICANT).ok('merchant', 'myApplication', {});
      if (mine.application?.status === 'approved') return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the application was not approved');
  });
  await page.close();
}, 120_000);
