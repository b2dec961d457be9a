/**
 * Runs before each test file: the globals a mini-program page expects besides `wx` and
 * `Component` (which miniprogram-simulate installs), plus jest stubs for the `wx` APIs that
 * simulate leaves inert or does not have (navigation, toasts, storage, cloud, request).
 */
require('miniprogram-simulate');
import { PINNED_NOW } from '../../support/pinned-clock';

type GlobalFunction = (...args: never[]) => unknown;
type WxStub = Record<string, unknown>;

const globals = globalThis as unknown as {
  wx: WxStub;
  App: GlobalFunction;
  getApp: GlobalFunction;
  getCurrentPages: GlobalFunction;
};

let appOptions: Record<string, unknown> = { globalData: {} };
globals.App = ((options: Record<string, unknown>) => {
  appOptions = options;
}) as GlobalFunction;
globals.getApp = (() => appOptions) as GlobalFunction;
globals.getCurrentPages = (() => []) as GlobalFunction;

interface CallbackOptions {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (result: unknown) => void;
}

/** A `wx` async API that succeeds: calls success/complete, or resolves when no callback is given. */
function succeeding(apiName: string) {
  return jest.fn((options: CallbackOptions = {}) => {
    const result = { errMsg: `${apiName}:ok` };
    if (!options.success && !options.fail && !options.complete) return Promise.resolve(result);
    options.success?.(result);
    options.complete?.(result);
    return undefined;
  });
}

// Page tests are a development tool, like DevTools' simulator: they present themselves as DevTools
// running the develop version, where config/env.ts allows local mode (miniprogram-simulate reports
// an iOS phone). A test may still pretend to be a phone or a release with jest.spyOn.
const simulatedSystemInfo = (globals.wx.getSystemInfoSync as () => Record<string, unknown>).bind(globals.wx);
Object.assign(globals.wx, {
  getSystemInfoSync: () => ({ ...simulatedSystemInfo(), platform: 'devtools' }),
  getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-local-dev', envVersion: 'develop', version: '' } }),
});

const storage = new Map<string, unknown>();
const clone = (value: unknown) => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

Object.assign(globals.wx, {
  navigateTo: succeeding('navigateTo'),
  redirectTo: succeeding('redirectTo'),
  switchTab: succeeding('switchTab'),
  reLaunch: succeeding('reLaunch'),
  navigateBack: succeeding('navigateBack'),
  showToast: succeeding('showToast'),
  hideToast: succeeding('hideToast'),
  showLoading: succeeding('showLoading'),
  hideLoading: succeeding('hideLoading'),
  showModal: succeeding('showModal'),
  stopPullDownRefresh: succeeding('stopPullDownRefresh'),
  setNavigationBarTitle: succeeding('setNavigationBarTitle'),
  previewImage: succeeding('previewImage'),
  // The WeChat Pay sheet: a test says what the shopper does (mockImplementationOnce); by default
  // the sheet fails, so a test that forgot fails visibly.
  requestPayment: jest.fn((options: CallbackOptions) => {
    const error = { errMsg: 'requestPayment:fail not stubbed in this test' };
    options.fail?.(error);
    options.complete?.(error);
  }),
  // Storage keeps values (as JSON, like the real one) and starts empty in every test.
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? clone(storage.get(key)) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, clone(value))),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  // Pages reach cloud functions only through services/cloud.ts, whose transport tests inject
  // (loadPage's `transport` option). Anything that still gets here fails loudly.
  request: jest.fn((options: CallbackOptions & { url?: string }) => {
    const error = { errMsg: `request:fail wx.request(${options.url}) is not available in page tests; pass a transport to loadPage` };
    options.fail?.(error);
    options.complete?.(error);
  }),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(() => Promise.reject(new Error('wx.cloud.callFunction is not available in page tests; pass a transport to loadPage'))),
  },
});

beforeEach(() => {
  storage.clear();
});

/**
 * Pages run on a pinned clock (test/support/pinned-clock.ts), as the emulator of a page test
 * does: `Date.now()` and `new Date()` give PINNED_NOW, whatever the machine's date, so a test
 * passes on any day. Dates built from arguments are untouched; timers run on real time.
 */
const RealDate = Date;
class PinnedDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(PINNED_NOW);
    else super(...(args as ConstructorParameters<DateConstructor>));
  }

  static override now(): number {
    return PINNED_NOW;
  }
}
(globalThis as { Date: DateConstructor }).Date = PinnedDate as DateConstructor;

