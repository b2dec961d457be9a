import { approvedApplication, pendingApplication, rejectedApplication } from './fixtures/platform';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const PAGE = 'packages/shop/apply/index';
const LICENSE = 'cloud://env.bucket/licenses/new.png';
/** What the page holds and sends after a local-mode upload: the emulator URL (the real transport turns it back into LICENSE). */
const LICENSE_URL = 'http://127.0.0.1:9000/storage/bucket/licenses/new.png';

function pickAndUpload(): void {
  (wx as any).chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/license.jpg' }] });
  (wx as any).uploadFile = jest.fn((o: any) => o.success({ statusCode: 200, data: JSON.stringify({ fileID: LICENSE }) }));
}

async function fillForm(page: Awaited<ReturnType<typeof loadPage>>): Promise<void> {
  page.trigger('.apply__shop-name', 'change', { value: ' 巷口咖啡馆 ' });
  page.trigger('.apply__contact', 'change', { value: '陈静' });
  page.trigger('.apply__phone', 'change', { value: '13812345678' });
  await page.settle();
}

describe('shop application page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    (wx as any).requestSubscribeMessage = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_MERCHANT_REVIEW: 'accept' });
    pickAndUpload();
  });

  it('applies: checks the form, uploads the licence, asks for the review message, then shows it pending', async () => {
    const mine = deferred<unknown>();
    const transport = stubTransport({ 'merchant.myApplication': () => mine.promise, 'merchant.apply': ok(pendingApplication) });
    const page = await loadPage(PAGE, { transport });
    expect(page.exists('.page-loading')).toBe(true);
    mine.resolve(ok({ application: null }));
    await page.settle();

    expect(page.text('.apply__intro-title')).toBe('开一家自己的店');
    await page.tap('.apply__submit');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写店铺名称', icon: 'none' });
    await fillForm(page);
    page.trigger('.apply__phone', 'change', { value: '1381234' });
    await page.tap('.apply__submit');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请填写正确的手机号', icon: 'none' });
    page.trigger('.apply__phone', 'change', { value: '13812345678' });
    await page.tap('.apply__submit');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '请上传营业执照照片', icon: 'none' });
    expect(transport.calls.some((c) => c.data.action === 'apply')).toBe(false);

    await page.tap('.apply__license');
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/license.jpg', formData: { cloudPath: expect.stringMatching(/^private\/licence\/dev-shopper-1\/[^/]*\.jpg$/) } }));
    expect(page.data.form).toMatchObject({ licenseFileId: LICENSE_URL });
    await page.tap('.apply__license-preview');
    expect(wx.previewImage).toHaveBeenCalledWith({ urls: [LICENSE_URL], current: LICENSE_URL });

    await page.tap('.apply__submit');
    expect((wx as any).requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_MERCHANT_REVIEW'] });
    expect(transport.calls.find((c) => c.data.action === 'apply')!.data).toEqual({ action: 'apply', shopName: '巷口咖啡馆', contactName: '陈静', phone: '13812345678', licenseFileId: LICENSE_URL });
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '申请已提交', icon: 'success' });
    expect(page.text('.apply__card-title')).toBe('审核中');
    expect(page.text('.apply__card-shop')).toBe('巷口咖啡馆');
    expect(page.exists('.apply__submit')).toBe(false);
  });

  it('still applies when the shopper refuses or WeChat cannot ask for the message', async () => {
    (wx as any).requestSubscribeMessage = jest.fn().mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail No template data return, verify the template id exist', errCode: 20001 });
    const transport = stubTransport({ 'merchant.myApplication': ok({ application: null }), 'merchant.apply': ok(pendingApplication) });
    const page = await loadPage(PAGE, { transport });
    await fillForm(page);
    await page.tap('.apply__license');
    await page.tap('.apply__submit');
    expect(transport.calls.filter((c) => c.data.action === 'apply')).toHaveLength(1);
    expect(page.text('.apply__card-title')).toBe('审核中');
  });

  it('shows a pending application already sent elsewhere when applying again is refused', async () => {
    const mine = [ok({ application: null }), ok({ application: pendingApplication })];
    const transport = stubTransport({ 'merchant.myApplication': () => mine.shift(), 'merchant.apply': fail('CONFLICT', '已有待审核的开店申请') });
    const page = await loadPage(PAGE, { transport });
    await fillForm(page);
    await page.tap('.apply__license');
    await page.tap('.apply__submit');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已有待审核的开店申请', icon: 'none' });
    expect(page.text('.apply__card-title')).toBe('审核中');
  });

  it('shows a rejection with its reason and re-applies from the old details', async () => {
    const transport = stubTransport({ 'merchant.myApplication': ok({ application: rejectedApplication }), 'merchant.apply': ok({ ...pendingApplication, id: 'app-3' }) });
    const page = await loadPage(PAGE, { transport });

    expect(page.text('.apply__card-title')).toBe('未通过审核');
    expect(page.text('.apply__card-reason')).toBe('驳回原因：营业执照照片不清晰');
    expect(page.exists('.apply__submit')).toBe(false);
    await page.tap('.apply__reapply');
    expect(page.data.form).toEqual({ shopName: '巷口咖啡馆', contactName: '陈静', phone: '13812345678', licenseFileId: '' });
    await page.tap('.apply__license');
    await page.tap('.apply__submit');
    expect(transport.calls.find((c) => c.data.action === 'apply')!.data).toMatchObject({ shopName: '巷口咖啡馆', licenseFileId: LICENSE_URL });
    expect(page.text('.apply__card-title')).toBe('审核中');
  });

  it('links an approved applicant to their shop', async () => {
    const page = await loadPage(PAGE, { transport: stubTransport({ 'merchant.myApplication': ok({ application: approvedApplication }) }) });
    expect(page.text('.apply__card-title')).toBe('店铺已开通');
    await page.tap('.apply__open-shop');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/overview/index?shopId=shop-new' });
  });

  it('shows a load error with a retry; a failed upload says so', async () => {
    (wx as any).uploadFile = jest.fn((o: any) => o.fail({ errMsg: 'uploadFile:fail' }));
    const answers = [fail('NETWORK', '网络开小差了，请检查网络后重试'), ok({ application: null })];
    const page = await loadPage(PAGE, { transport: stubTransport({ 'merchant.myApplication': () => answers.shift() }) });
    expect(page.text('.page-error')).toContain('网络开小差了');
    await page.tap('.page-retry');
    await page.tap('.apply__license');
    expect(wx.showToast).toHaveBeenLastCalledWith({ title: '图片上传失败，请重试', icon: 'none' });
    expect(page.data.form).toMatchObject({ licenseFileId: '' });
  });
});
