/** Device, account and miscellaneous APIs: an iPhone-8-sized phone (375x667, pixel ratio 2) in the develop version. */
import { asyncApi } from './async-api';

const SCREEN = { width: 375, height: 667, statusBar: 20, navigationBar: 44 };

function windowInfo() {
  const windowHeight = SCREEN.height - SCREEN.statusBar - SCREEN.navigationBar;
  return {
    pixelRatio: 2,
    screenWidth: SCREEN.width,
    screenHeight: SCREEN.height,
    windowWidth: SCREEN.width,
    windowHeight,
    statusBarHeight: SCREEN.statusBar,
    screenTop: SCREEN.statusBar + SCREEN.navigationBar,
    safeArea: { left: 0, right: SCREEN.width, top: SCREEN.statusBar, bottom: SCREEN.height, width: SCREEN.width, height: SCREEN.height - SCREEN.statusBar },
  };
}

function systemInfo() {
  return {
    ...windowInfo(),
    brand: 'devtools',
    model: 'iPhone 8 (preview)',
    system: 'iOS 17.0',
    platform: 'devtools',
    version: '8.0.50',
    SDKVersion: '3.4.0',
    language: 'zh_CN',
    fontSizeSetting: 16,
    theme: 'light',
    benchmarkLevel: 1,
  };
}

export function systemApi(): Record<string, unknown> {
  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi<object>('getSystemInfo', systemInfo),
    getWindowInfo: windowInfo,
    getDeviceInfo: () => ({ brand: 'devtools', model: 'iPhone 8 (preview)', system: 'iOS 17.0', platform: 'devtools', pixelRatio: 2, benchmarkLevel: 1 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16, enableDebug: false }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-local-dev', envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 26, right: 368, bottom: 58, left: 281 }),
    login: asyncApi<object>('login', () => ({ code: 'preview-login-code' })),
    checkSession: asyncApi<object>('checkSession', () => undefined),
    requestSubscribeMessage: asyncApi<{ tmplIds: string[] }>('requestSubscribeMessage', ({ tmplIds }) => Object.fromEntries(tmplIds.map((id) => [id, 'accept']))),
    vibrateShort: asyncApi<object>('vibrateShort', () => undefined),
    getNetworkType: asyncApi<object>('getNetworkType', () => ({ networkType: 'wifi' })),
    nextTick: (callback: () => void) => void Promise.resolve().then(callback),
  };
}
