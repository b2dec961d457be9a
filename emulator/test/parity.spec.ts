/**
 * The production-parity switch (`--parity production`) and the platform facts it rests on, driven
 * through the real wx-server-sdk inside the emulator's function instances: SOURCE along a call
 * chain, empty WX_CONTEXT_KEYS for timers (with TCB_SOURCE / TRIGGER_SRC still set), UTC, the
 * config.json timeout (3 s without one), and cloud calls refused unless declared (-604101).
 */
import { type RunningEmulator, realSdk, startEmulator, type WxServerSdk } from './support/harness';

async function gateway(emu: RunningEmulator, name: string, body: unknown, openid = 'o-parity-user'): Promise<any> {
  const res = await fetch(`${emu.url}/gateway/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('default mode (switch off)', () => {
  let emu: RunningEmulator;
  let cloud: WxServerSdk;
  beforeAll(async () => {
    // the process's zone reaches the functions: nothing forces one
    emu = await startEmulator({ timers: false, workers: 2, env: { TZ: 'Asia/Shanghai' } });
    cloud = realSdk(emu.adminUrl);
  });
  afterAll(async () => {
    await emu.stop();
  });

  test('a timer run sees SOURCE wx_trigger in getWXContext() and TRIGGER_SRC=timer', async () => {
    const fired = await emu.control('/_emulator/timers/fire', { function: 'whoami', trigger: 'manual' });
    expect(fired.result.before).toMatchObject({ SOURCE: 'wx_trigger', ENV: 'local-env' });
    expect(fired.result.platform).toMatchObject({ TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer' });
  });

  test('functions inherit the emulator process time zone', async () => {
    const r = await gateway(emu, 'whoami', {});
    expect(r.result.zone).toEqual({ offsetMinutes: -480, name: 'Asia/Shanghai' });
  });

  test('SOURCE along a call chain: a client-called function calling another gives it wx_client,scf', async () => {
    const direct = await gateway(emu, 'whoami', {});
    expect(direct.result.before.SOURCE).toBe('wx_client');
    const chained = await gateway(emu, 'caller', { target: 'whoami' });
    expect(chained.result.before.SOURCE).toBe('wx_client,scf');
    expect(chained.result.platform.TCB_SOURCE).toBe('wx_client,scf');
    // a script outside any function: its callee sees scf
    const fromScript = await cloud.callFunction({ name: 'whoami', data: {} });
    expect(fromScript.result.before.SOURCE).toBe('scf');
    // a timer-run function calling another
    const fired = await emu.control('/_emulator/timers/fire', { function: 'caller', trigger: 'manual' });
    expect(fired.result.before.SOURCE).toBe('wx_trigger,scf');
    // the callee of a timer run is not itself a timer run
    expect(fired.result.platform.TRIGGER_SRC).toBeUndefined();
  });

  test('undeclared cloud calls are refused in this mode too (-604101)', async () => {
    const refused = await gateway(emu, 'openapi-caller', { api: 'subscribeMessage.send' });
    expect(refused.result).toMatchObject({ ok: false, errCode: -604101 });
  });
});

describe('production parity (--parity production)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ timers: false, workers: 2, parity: 'production', env: { TZ: 'Asia/Shanghai' } });
    await emu.control('/_emulator/openapi/subscribe', { openid: 'o-parity-user', templateIds: ['TPL_PARITY'], count: 5 });
  });
  afterAll(async () => {
    await emu.stop();
  });

  test('the emulator says it runs in parity mode', () => {
    expect(emu.output()).toMatch(/ready .* parity=production/);
  });

  test('a timer run gets an empty getWXContext(), but TCB_SOURCE and TRIGGER_SRC=timer are set', async () => {
    const fired = await emu.control('/_emulator/timers/fire', { function: 'whoami', trigger: 'manual' });
    expect(fired.result.before).toEqual({});
    expect(fired.result.platform).toEqual({ TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer', WX_CONTEXT_KEYS: '' });
  });

  test('a client call keeps its context: OPENID and SOURCE', async () => {
    const r = await gateway(emu, 'whoami', {}, 'o-client');
    expect(r.result.before).toMatchObject({ OPENID: 'o-client', SOURCE: 'wx_client' });
  });

  test('functions run in UTC whatever the emulator host zone', async () => {
    const r = await gateway(emu, 'whoami', {});
    expect(r.result.zone).toEqual({ offsetMinutes: 0, name: 'UTC' });
  });

  test('timeouts come from config.json, 3 s without one', async () => {
    const slow = await gateway(emu, 'slow', {});
    expect(slow.errMsg).toContain('timed out after 1 seconds');
    const started = Date.now();
    const unconfigured = await gateway(emu, 'whoami', { waitMs: 3500 });
    expect(unconfigured.errCode).toBe(-504002);
    expect(unconfigured.errMsg).toContain('timed out after 3 seconds');
    expect(Date.now() - started).toBeLessThan(3400);
  });

  test('a cloud call the function did not declare in config.json is refused with -604101', async () => {
    const refused = await gateway(emu, 'openapi-caller', { api: 'subscribeMessage.send' });
    expect(refused.result).toEqual({ ok: false, errCode: -604101, errMsg: 'system error: error code: -604101', message: expect.stringContaining('-604101') });
    // nothing was sent
    const { messages } = await emu.control('/_emulator/openapi/outbox?touser=o-parity-user');
    expect(messages).toHaveLength(0);
    // the declared one works
    const allowed = await gateway(emu, 'openapi-caller', { api: 'security.msgSecCheck' });
    expect(allowed.result).toEqual({ ok: true, errCode: 0 });
  });
});
