import { type RunningEmulator, realSdk, startEmulator, type WxServerSdk } from './support/harness';

let emu: RunningEmulator;
let cloud: WxServerSdk;

beforeAll(async () => {
  emu = await startEmulator({ workers: 2 });
  cloud = realSdk(emu.adminUrl);
  await emu.control('/_emulator/db/collections', { name: 'ticks' });
});
afterAll(async () => {
  await emu.stop();
});

const ticks = async () => (await cloud.database().collection('ticks').count()).total;

test('timers from config.json are listed with their next firing', async () => {
  const { timers } = await emu.control('/_emulator/timers');
  expect(timers).toEqual([expect.objectContaining({ function: 'tick', trigger: 'everyMinute', config: '0 * * * * * *', next: expect.any(Number) })]);
});

test('a timer fires on demand with SOURCE wx_trigger and the Timer event', async () => {
  const before = await ticks();
  const fired = await emu.control('/_emulator/timers/fire', { function: 'tick' });
  expect(fired).toMatchObject({ ok: true, result: { ok: true } });
  expect(await ticks()).toBe(before + 1);
  const { data } = await cloud.database().collection('ticks').orderBy('at', 'desc').limit(1).get();
  expect(data[0]).toMatchObject({ trigger: 'everyMinute', type: 'Timer' });
});

test('advancing the clock fires a due timer once, stamped with emulated time', async () => {
  const before = await ticks();
  const res = await emu.control('/_emulator/clock/advance', { ms: 10 * 60_000 });
  expect(res.fired).toEqual([expect.objectContaining({ function: 'tick', ok: true })]);
  expect(await ticks()).toBe(before + 1);
  const { data } = await cloud.database().collection('ticks').orderBy('at', 'desc').limit(1).get();
  // serverDate inside the function follows the emulated clock
  expect((data[0].at as Date).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
});

test('the timer fires on its own schedule in real time', async () => {
  const { timers } = await emu.control('/_emulator/timers');
  const { now } = await emu.control('/_emulator/clock');
  // jump to one second before the next firing, then wait for the scheduler itself
  await emu.control('/_emulator/clock/advance', { ms: Math.max(0, timers[0].next - now - 1000) });
  const before = await ticks();
  const deadline = Date.now() + 10_000;
  while ((await ticks()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(await ticks()).toBe(before + 1);
});

test('function code reads the emulated clock through Date', async () => {
  const { now } = await emu.control('/_emulator/clock');
  const res = await fetch(`${emu.url}/gateway/functions/whoami`, { method: 'POST', headers: { 'x-wx-openid': 'u' }, body: '{}' });
  const { result } = (await res.json()) as any;
  expect(now - Date.now()).toBeGreaterThan(9 * 60_000);
  expect(Math.abs(result.now - now)).toBeLessThan(5000);
  expect(Math.abs(result.newDate - now)).toBeLessThan(5000);
  expect(result.isDate).toBe(true);
});
