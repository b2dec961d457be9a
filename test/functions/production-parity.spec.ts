/**
 * The mall's handler as production runs it (the emulator's `--parity production` switch, which every
 * test mall uses): timers and WeChat Pay callbacks get an empty `getWXContext()` and are recognised
 * from the platform-set `TCB_SOURCE` / `TRIGGER_SRC`, never from the event; a platform action called
 * by another function arrives with the chain `wx_client,scf` and is accepted, while the same action
 * called by a client is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type RunningEmulator, FIXTURE_FUNCTIONS, ROOT, startEmulator } from '../../emulator/test/support/harness';
import { deployLocal } from '../../scripts/lib/deploy-local';
import { FUNCTIONS_DIR } from '../support/mall';

let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  // the mall's built functions plus the emulator's `caller` fixture (a function that calls another)
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'parity-functions-'));
  for (const name of fs.readdirSync(FUNCTIONS_DIR)) {
    const from = path.join(FUNCTIONS_DIR, name);
    if (!fs.existsSync(path.join(from, 'index.js'))) continue;
    fs.mkdirSync(path.join(dir, name));
    for (const f of ['index.js', 'config.json']) if (fs.existsSync(path.join(from, f))) fs.copyFileSync(path.join(from, f), path.join(dir, name, f));
  }
  fs.mkdirSync(path.join(dir, 'caller'));
  fs.copyFileSync(path.join(FIXTURE_FUNCTIONS, 'caller/index.js'), path.join(dir, 'caller/index.js'));
  emu = await startEmulator({ functionsDir: dir, timers: false, workers: 2, parity: 'production' });
  await deployLocal(emu.url);
});
afterAll(async () => {
  await emu?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function asClient(fn: string, event: Record<string, unknown>, openid = 'o-parity'): Promise<any> {
  const res = await fetch(`${emu.url}/gateway/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  if (!('result' in body)) throw new Error(`${fn}: ${body.errMsg}`);
  return body.result;
}

test('the emulator runs the mall in production parity', () => {
  expect(emu.output()).toMatch(/parity=production/);
});

test('timers are recognised although getWXContext() is empty', async () => {
  for (const [fn, trigger] of [['order', 'sweep'], ['finance', 'sweep'], ['payment', 'retryRefunds']]) {
    const fired = await emu.control('/_emulator/timers/fire', { function: fn, trigger });
    expect({ fn, result: fired.result }).toEqual({ fn, result: { ok: true, data: expect.anything() } });
  }
});

test('a client cannot pass for a timer or a payment callback through the event', async () => {
  expect(await asClient('order', { Type: 'Timer', TriggerName: 'sweep' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // a pay-notification-shaped event from a client is just an unknown action
  expect(await asClient('payment', { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'x', totalFee: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

test('a platform action called by a client-called function (SOURCE wx_client,scf) is accepted', async () => {
  const chained = await asClient('caller', { target: 'finance', data: { action: 'settleDue' } });
  expect(chained).toEqual({ ok: true, data: expect.anything() });
});

test('the same platform action called by a client (SOURCE wx_client) is refused', async () => {
  expect(await asClient('finance', { action: 'settleDue' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await asClient('payment', { action: 'retryRefunds' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('every cloud call a function bundle makes is declared in its config.json (else -604101 in production)', () => {
  const calls: Record<string, string[]> = {};
  for (const name of fs.readdirSync(FUNCTIONS_DIR)) {
    const bundle = path.join(FUNCTIONS_DIR, name, 'index.js');
    if (!fs.existsSync(bundle)) continue;
    // The doctor action (server/doctor.ts, in every bundle) probes only the APIs config.json declares,
    // read at run time: its probe table is left out of the scan (esbuild marks the start of each module's
    // parts with a `// path` line).
    const code = fs.readFileSync(bundle, 'utf8').replace(/\/\/ server\/doctor\.ts\n[\s\S]*?(?=\n\/\/ [\w@./-]+\.(?:ts|js|json)\n)/g, '');
    const used = [...new Set([...code.matchAll(/\bopenapi\.([A-Za-z]+\.[A-Za-z]+)\(/g)].map((m) => m[1]))].sort();
    const declared: string[] = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, name, 'config.json'), 'utf8')).permissions?.openapi ?? [];
    expect({ name, undeclared: used.filter((api) => !declared.includes(api)) }).toEqual({ name, undeclared: [] });
    if (used.length) calls[name] = used;
  }
  // the scan sees the calls (it would pass vacuously on a bundle format it cannot read)
  expect(calls).toEqual({ merchant: ['subscribeMessage.send'], review: ['security.msgSecCheck'], shoporder: ['subscribeMessage.send'] });
});
