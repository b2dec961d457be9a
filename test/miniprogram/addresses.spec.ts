import { homeAddress, officeAddress } from './fixtures/user';
import { loadPage } from './support/load-page';
import { deferred, fail, ok, stubTransport } from './support/stub-transport';

const ADDRESSES = 'packages/user/addresses/index';
const CONFIRM = '.addresses__dialog >>> .t-dialog__button--confirm';

describe('address list page', () => {
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lists the addresses with the default tagged, and opens the edit page', async () => {
    const answer = deferred<unknown>();
    const page = await loadPage(ADDRESSES, { transport: stubTransport({ 'user.listAddresses': () => answer.promise }) });
    expect(page.exists('.page-loading')).toBe(true);
    answer.resolve(ok({ addresses: [homeAddress, officeAddress] }));
    await page.settle();

    expect(page.texts('.address-item__name')).toEqual(['林晓', '林晓']);
    expect(page.texts('.address-item__text')).toEqual(['上海市上海市浦东新区世纪大道100号 8楼', '浙江省杭州市西湖区文三路 90 号']);
    expect(page.findAll('.address-item__default')).toHaveLength(1);

    await page.tap(page.findAll('.address-item__edit')[1]!);
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/user/address-edit/index?addressId=addr-office' });
    await page.tap('.addresses__add');
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/user/address-edit/index' });
    // Not in select mode: a tap on an address picks nothing.
    await page.tap('.address-item__body');
    expect(wx.navigateBack).not.toHaveBeenCalled();
  });

  it('in select mode, hands the tapped address back to checkout', async () => {
    const page = await loadPage(ADDRESSES, { query: { mode: 'select' }, transport: stubTransport({ 'user.listAddresses': ok({ addresses: [homeAddress, officeAddress] }) }) });

    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '选择收货地址' });
    await page.tap(page.findAll('.address-item__body')[1]!);

    expect(wx.getStorageSync('cloudmall.picked-address')).toBe('addr-office');
    expect(wx.navigateBack).toHaveBeenCalled();
  });

  it('deletes after confirmation and sets the default', async () => {
    const lists = [ok({ addresses: [homeAddress, officeAddress] }), ok({ addresses: [homeAddress] }), ok({ addresses: [{ ...homeAddress }] })];
    const transport = stubTransport({
      'user.listAddresses': () => lists.shift(),
      'user.deleteAddress': ok({ deleted: true }),
      'user.setDefaultAddress': ok({ ...officeAddress, isDefault: true }),
    });
    const page = await loadPage(ADDRESSES, { transport });

    await page.tap(page.findAll('.address-item__set-default')[0]!);
    expect(transport.calls[1]!.data).toEqual({ action: 'setDefaultAddress', addressId: 'addr-office' });

    await page.tap(page.findAll('.address-item__delete')[0]!);
    expect(page.data.dialogVisible).toBe(true);
    await page.tap(CONFIRM);

    expect(transport.calls[3]!.data).toEqual({ action: 'deleteAddress', addressId: 'addr-home' });
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已删除', icon: 'success' });
  });

  it('shows the empty state with a way to add one', async () => {
    const page = await loadPage(ADDRESSES, { transport: stubTransport({ 'user.listAddresses': ok({ addresses: [] }) }) });

    expect(page.text('.page-empty')).toContain('还没有收货地址');
    await page.tap('.page-empty-action');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/address-edit/index' });
  });

  it('shows the error with a retry button', async () => {
    const answers = [fail('INTERNAL', '地址加载失败'), ok({ addresses: [homeAddress] })];
    const page = await loadPage(ADDRESSES, { transport: stubTransport({ 'user.listAddresses': () => answers.shift() }) });

    expect(page.text('.page-error')).toContain('地址加载失败');
    await page.tap('.page-retry');
    expect(page.findAll('.address-item')).toHaveLength(1);
  });
});
