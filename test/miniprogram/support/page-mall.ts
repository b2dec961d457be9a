/**
 * Page tests against the real cloud functions: the emulator runs the built functions
 * (test/support/mall.ts), and the page's calls take the app's own local-gateway transport
 * (`loadPage(path, {transport: 'app'})`), over `wx.request` done with Node's http module.
 */
import { DEV_OVERRIDE_STORAGE_KEY } from '../../../miniprogram/config/env';
import { type Mall, startMall } from '../../support/mall';
import { PINNED_CLOCK } from '../../support/pinned-clock';
import { ensureFetch } from './node-fetch';
import { wxRequestOverHttp } from './wx-request-over-http';

export type { Mall };

/**
 * The real functions on a fresh emulator, two function workers (the machine has two cores), its
 * clock pinned and frozen at the instant the pages' clock shows (support/setup.ts).
 */
export function startPageMall(): Promise<Mall> {
  ensureFetch();
  return startMall({ workers: 2, clock: PINNED_CLOCK });
}

/**
 * Points the app at the mall as shopper `openid` (the dev override the dev menu writes) and lets
 * `wx.request` reach it. Call in each test: storage and mocks are reset between tests.
 */
export function shopAs(mall: Mall, openid: string): void {
  wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid: openid, localBaseUrl: mall.emu.url });
  (wx.request as unknown as jest.Mock).mockImplementation(wxRequestOverHttp);
}

/** The WeChat Pay order (emulated) a `package` of `wx.requestPayment` parameters belongs to. */
async function payOrderOf(mall: Mall, pkg: string): Promise<string> {
  const prepayId = pkg.replace(/^prepay_id=/, '');
  const response = await fetch(`${mall.emu.url}/_emulator/pay/orders?state=NOTPAY&limit=1000`);
  const { orders } = (await response.json()) as { orders: Array<{ outTradeNo: string; prepayId: string }> };
  const order = orders.find((candidate) => candidate.prepayId === prepayId);
  if (!order) throw new Error(`no unpaid WeChat Pay order with ${pkg}`);
  return order.outTradeNo;
}

/**
 * `wx.requestPayment` as WeChat answers it when the shopper pays: the emulator's WeChat Pay plays
 * the payment of the pay order the parameters belong to (and notifies the payment function), then
 * the sheet reports success.
 */
export function payInWeChat(mall: Mall): void {
  (wx.requestPayment as unknown as jest.Mock).mockImplementation((options: WechatMiniprogram.RequestPaymentOption) => {
    payOrderOf(mall, options.package)
      .then((outTradeNo) => mall.pay(outTradeNo))
      .then(
        () => options.success?.({ errMsg: 'requestPayment:ok' }),
        (error: unknown) => options.fail?.({ errMsg: `requestPayment:fail ${String(error)}` }),
      );
  });
}
