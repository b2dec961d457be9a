/**
 * Pages against the real local chain: page -> services/cloud.ts -> the local-gateway transport
 * (wx.request, here over Node http) -> the emulator's client gateway -> a cloud function run by
 * the emulator's runtime with wx-server-sdk. Only the function is a test fixture.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startEmulator, type RunningEmulator } from '../../emulator/test/support/harness';
import { DEV_OVERRIDE_STORAGE_KEY } from '../../miniprogram/config/env';
import { loadPage } from './support/load-page';
import { wxRequestOverHttp } from './support/wx-request-over-http';

const FUNCTIONS_DIR = path.join(__dirname, 'fixtures/functions');

let emulator: RunningEmulator;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-mp-'));
  emulator = await startEmulator({ dataDir, functionsDir: FUNCTIONS_DIR, workers: 1, timers: false });
}, 30000);

afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  (wx.request as unknown as jest.Mock).mockImplementation(wxRequestOverHttp);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

function useEmulatorAs(devOpenid: string, localBaseUrl = emulator.url): void {
  wx.setStorageSync(DEV_OVERRIDE_STORAGE_KEY, { devOpenid, localBaseUrl });
}

it('renders the home feed the function returned, called as the chosen dev identity', async () => {
  useEmulatorAs('dev-merchant-1');
  const page = await loadPage('pages/home/index', { transport: 'app' });

  await page.waitFor(() => page.data.status !== 'loading');

  expect(page.data.status).toBe('ready');
  expect(page.texts('.goods-card__title')).toEqual(['dev-merchant-1 的推荐：西湖龙井 250g']);
  expect(page.texts('.goods-card__price')).toEqual(['¥268.00']);
  expect(page.texts('.home__category')).toEqual(['茶饮冲调']);
});

it('shows the error state when the function crashes', async () => {
  useEmulatorAs('dev-shopper-1');
  const page = await loadPage('pages/category/index', { transport: 'app' });

  await page.waitFor(() => page.data.status !== 'loading');

  expect(page.text('.page-error')).toContain('服务暂时不可用，请稍后重试');
  expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('catalog.categories failed (FUNCTION_FAILED)'), expect.objectContaining({ message: expect.stringContaining('-504002') }));
});

it('shows the network error when nothing listens at the gateway address', async () => {
  useEmulatorAs('dev-shopper-1', 'http://127.0.0.1:9');
  const page = await loadPage('pages/cart/index', { transport: 'app' });

  await page.waitFor(() => page.data.status !== 'loading');

  expect(page.text('.page-error')).toContain('网络开小差了');
});
