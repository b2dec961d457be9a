import { type RunningEmulator, realSdk, startEmulator, type WxServerSdk } from './support/harness';

let emu: RunningEmulator;
let cloud: WxServerSdk;

beforeAll(async () => {
  emu = await startEmulator({ timers: false, workers: 2 });
  cloud = realSdk(emu.adminUrl);
});
afterAll(async () => {
  await emu.stop();
});

async function gateway(name: string, body: unknown, openid?: string): Promise<any> {
  const res = await fetch(`${emu.url}/gateway/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('function invocations', () => {
  test('two concurrent invocations each see their own OPENID, before and after awaiting', async () => {
    const [a, b] = await Promise.all([gateway('whoami', { waitMs: 300 }, 'openid-alice'), gateway('whoami', { waitMs: 300 }, 'openid-bob')]);
    expect(a.errMsg).toBe('cloud.callFunction:ok');
    expect(a.result.before).toMatchObject({ OPENID: 'openid-alice', SOURCE: 'wx_client', ENV: 'local-env' });
    expect(a.result.after.OPENID).toBe('openid-alice');
    expect(b.result.before.OPENID).toBe('openid-bob');
    expect(b.result.after.OPENID).toBe('openid-bob');
    // CloudBase adds the caller to a client call's event
    expect(a.result.event.userInfo).toEqual({ appId: 'wx-local-dev', openId: 'openid-alice' });
  });

  test('more concurrent invocations than pool slots all complete with their own identity', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `user-${i}`);
    const results = await Promise.all(ids.map((id) => gateway('whoami', { waitMs: 50 }, id)));
    expect(results.map((r) => r.result.after.OPENID)).toEqual(ids);
  });

  test('cloud.callFunction from the server SDK reaches the function with SOURCE scf', async () => {
    const res = await cloud.callFunction({ name: 'whoami', data: { x: 1 } });
    expect((res.result as any).event).toEqual({ x: 1 });
    expect((res.result as any).before.SOURCE).toBe('scf');
    expect((res.result as any).before.OPENID).toBeUndefined();
  });

  test('functions calling functions do not deadlock when every pool slot holds a caller', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_x, i) => gateway('caller', { target: 'whoami' }, `c${i}`)));
    for (const r of results) expect(r.result.event).toEqual({ from: 'caller' });
  });

  test('a function calling another function', async () => {
    const res = await gateway('caller', { target: 'whoami' }, 'someone');
    expect(res.result.event).toEqual({ from: 'caller' });
  });

  test('a throwing function is reported as CloudBase reports it (-504002)', async () => {
    // the pinned SDK turns CloudBase's FUNCTIONS_EXECUTE_FAIL answer into an Error carrying the message
    await expect(cloud.callFunction({ name: 'boom' })).rejects.toThrow(/callFunction:fail Error: kaboom from a test function/);
    const viaGateway = await gateway('boom', {}, 'u1');
    expect(viaGateway.errCode).toBe(-504002);
    expect(viaGateway.errMsg).toContain('kaboom from a test function');
  });

  test('a function past its config.json timeout is stopped and reported', async () => {
    const started = Date.now();
    const res = await gateway('slow', {}, 'u1');
    expect(res.errCode).toBe(-504002);
    expect(res.errMsg).toContain('timed out after 1 seconds');
    expect(Date.now() - started).toBeLessThan(4000);
    // the pool recovered: the next call works
    expect((await gateway('whoami', {}, 'u2')).result.before.OPENID).toBe('u2');
  });

  test('unknown function and missing identity', async () => {
    await expect(cloud.callFunction({ name: 'nope' })).rejects.toMatchObject({ errCode: expect.any(Number) });
    expect((await gateway('nope', {}, 'u1')).errCode).toBe(-501000);
    expect((await gateway('whoami', {})).errCode).toBe(-501007);
  });
});
