import { homeAddress } from './fixtures/user';
import { loadPage, type LoadedPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const EDIT = 'packages/user/address-edit/index';

async function fill(page: LoadedPage): Promise<void> {
  await page.trigger('.address-form__name', 'change', { value: ' 王五 ' });
  await page.trigger('.address-form__phone', 'change', { value: '13700137000' });
  page.find('.address-form__region')!.dispatchEvent('change', { detail: { value: ['广东省', '深圳市', '南山区'] } });
  await page.settle();
  await page.trigger('.address-form__detail', 'change', { value: '科技园 1 号' });
}

describe('address edit page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('checks the form: required fields, an 11-digit mobile, a region', async () => {
    const transport = stubTransport({});
    const page = await loadPage(EDIT, { transport });
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '新增收货地址' });

    await page.tap('.address-edit__save');

    expect(page.text('.address-form__name')).toContain('请填写收货人');
    expect(page.text('.address-form__phone')).toContain('请填写11位手机号');
    expect(page.text('.address-form__region-error')).toBe('请选择所在地区');
    expect(page.text('.address-form__detail')).toContain('请填写详细地址');
    expect(wx.showToast).toHaveBeenCalledWith({ title: '请填写收货人', icon: 'none' });

    await page.trigger('.address-form__phone', 'change', { value: '1380013800' });
    await page.tap('.address-edit__save');
    expect(page.text('.address-form__phone')).toContain('请填写11位手机号');
    expect(transport.calls).toHaveLength(0);
  });

  it('creates an address from the form and goes back', async () => {
    const transport = stubTransport({ 'user.createAddress': ok({ ...homeAddress, id: 'addr-new' }) });
    const page = await loadPage(EDIT, { transport });

    await fill(page);
    expect(page.text('.address-form__region')).toContain('广东省 深圳市 南山区');
    await page.tap('.address-form__default');
    await page.tap('.address-edit__save');

    expect(transport.calls[0]!.data).toEqual({ action: 'createAddress', name: '王五', phone: '13700137000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号', isDefault: true });
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    expect(wx.navigateBack).toHaveBeenCalled();
  });

  it('loads an address to edit and saves the change', async () => {
    const answer = deferred<unknown>();
    const transport = stubTransport({ 'user.getAddress': () => answer.promise, 'user.updateAddress': ok(homeAddress) });
    const page = await loadPage(EDIT, { query: { addressId: 'addr-home' }, transport });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok(homeAddress));
    await page.settle();

    expect(page.data.form).toMatchObject({ name: '林晓', phone: '13800138000', region: ['上海市', '上海市', '浦东新区'] });
    await page.trigger('.address-form__detail', 'change', { value: '世纪大道200号' });
    await page.tap('.address-edit__save');

    expect(transport.calls[1]!.data).toEqual({ action: 'updateAddress', addressId: 'addr-home', name: '林晓', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道200号', isDefault: true });
  });

  it('keeps the form and says why when the server refuses it', async () => {
    const page = await loadPage(EDIT, { transport: stubTransport({ 'user.createAddress': fail('INVALID_ARGUMENT', '收货地址最多保存 20 个') }) });

    await fill(page);
    await page.tap('.address-edit__save');

    expect(wx.showToast).toHaveBeenCalledWith({ title: '收货地址最多保存 20 个', icon: 'none' });
    expect(wx.navigateBack).not.toHaveBeenCalled();
  });

  it('shows the empty state for an address deleted meanwhile', async () => {
    const page = await loadPage(EDIT, { query: { addressId: 'gone' }, transport: stubTransport({ 'user.getAddress': fail('NOT_FOUND', '地址不存在') }) });

    expect(page.text('.page-empty')).toContain('这个地址已被删除');
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '加载失败'), ok(homeAddress)];
    const page = await loadPage(EDIT, { query: { addressId: 'addr-home' }, transport: stubTransport({ 'user.getAddress': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('加载失败');
    await page.tap('.page-retry');
    expect(page.data.form).toMatchObject({ name: '林晓' });
  });
});
