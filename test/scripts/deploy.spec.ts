/**
 * `npm run deploy` and `npm run doctor` end to end: the real scripts (child processes, as a
 * developer runs them) talk through the real @cloudbase/manager-node to the emulator's stand-in of
 * the Tencent Cloud API (emulator/src/tcapi), reached as an HTTPS proxy with a local CA. The
 * stand-in applies what deploy asks to the emulator itself, so doctor's invoke reaches the real,
 * deployed functions. No real CloudBase env is touched.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningEmulator, startEmulator } from '../../emulator/test/support/harness';
import { collectionNames, DEPLOY_EXAMPLE_FILE, FUNCTION_ENV, functionManifests, indexDeclarations, ROOT } from '../../scripts/lib/manifest';

jest.setTimeout(240_000);

const ENV_ID = 'local-env';
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MUTATING = new Set(['CreateTable', 'UpdateTable', 'ModifyResourcePermission', 'ModifyStorageSafeRule', 'CreateFunction', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'BatchCreateTrigger', 'DeleteTrigger']);

let emu: RunningEmulator;
let tmp: string;
let caFile: string;
const goodConfig = { envId: ENV_ID, appid: 'wx1234567890abcdef', wxpaySubMchId: '1611111111', templates: { merchantReview: 'tmpl-review-1', orderShipped: 'tmpl-shipped-1' }, platformAdminOpenids: ['o-first-admin'] };

interface Run {
  code: number;
  out: string;
}

function run(script: string, args: string[], configFile: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [script, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          http_proxy: emu.url,
          NODE_EXTRA_CA_CERTS: caFile,
          TENCENTCLOUD_SECRETID: 'test-secret-id',
          TENCENTCLOUD_SECRETKEY: 'test-secret-key',
          CLOUDMALL_DEPLOY_CONFIG: configFile,
          CLOUDMALL_CLOUD_ENV_FILE: path.join(tmp, 'cloud-env.ts'),
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const deploy = (args: string[] = [], config = path.join(tmp, 'deploy.json')) => run(path.join(ROOT, 'scripts/deploy.ts'), ['--env', ENV_ID, ...args], config);
const doctor = () => run(path.join(ROOT, 'scripts/doctor.ts'), ['--env', ENV_ID], path.join(tmp, 'deploy.json'));
const tcapiCall = (service: string, version: string, action: string, param: unknown) => run(path.join(ROOT, 'test/scripts/support/tcapi-call.ts'), [ENV_ID, service, version, action, JSON.stringify(param)], '');

async function tcapi(): Promise<{ requests: Array<{ service: string; action: string; ok: boolean }>; state: any }> {
  return emu.control('/_emulator/tcapi');
}

async function mutationsSince(n: number): Promise<string[]> {
  return (await tcapi()).requests.slice(n).filter((r) => MUTATING.has(r.action)).map((r) => `${r.service}.${r.action}`);
}

function problems(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4));
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-deploy-'));
  fs.mkdirSync(path.join(tmp, 'no-functions'));
  fs.writeFileSync(path.join(tmp, 'deploy.json'), JSON.stringify(goodConfig));
  // an empty env: no collections, no functions (the functions folder the emulator serves is empty)
  emu = await startEmulator({ functionsDir: path.join(tmp, 'no-functions'), timers: false });
  caFile = (await tcapi() as unknown as { caFile: string }).caFile;
});

afterAll(async () => {
  await emu?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('sample values in the deploy config stop deploy before it touches anything', async () => {
  const r = await deploy([], path.join(ROOT, DEPLOY_EXAMPLE_FILE));
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/refusing to deploy/);
  for (const field of ['envId', 'appid', 'wxpaySubMchId', 'templates.merchantReview', 'templates.orderShipped', 'platformAdminOpenids[0]']) expect(r.out).toContain(`- ${field}`);
  const placeholderMchId = { ...goodConfig, wxpaySubMchId: '1900000109' };
  fs.writeFileSync(path.join(tmp, 'placeholder.json'), JSON.stringify(placeholderMchId));
  const r2 = await deploy([], path.join(tmp, 'placeholder.json'));
  expect(r2.code).toBe(2);
  expect(r2.out).toContain('wxpaySubMchId is the sample value "1900000109"');
  // the local emulator's switch for sample settings is never deployed
  fs.writeFileSync(path.join(tmp, 'samples.json'), JSON.stringify({ ...goodConfig, functionEnv: { payment: { CLOUDMALL_ALLOW_SAMPLE_SETTINGS: '1' } } }));
  const r3 = await deploy([], path.join(tmp, 'samples.json'));
  expect(r3.code).toBe(2);
  expect(r3.out).toContain('functionEnv.payment.CLOUDMALL_ALLOW_SAMPLE_SETTINGS: only the local emulator may use sample settings');
  expect((await tcapi()).requests).toEqual([]);
  expect(fs.existsSync(path.join(tmp, 'cloud-env.ts'))).toBe(false);
});

test('--dry-run prints the plan for an empty env and changes nothing', async () => {
  const before = (await tcapi()).requests.length;
  const r = await deploy(['--dry-run']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('would create collection users, deny-all rule');
  expect(r.out).toMatch(/would create function order \(Nodejs16\.13, timeout 20 s, env WXPAY_SUB_MCH_ID, CLOUDMALL_BUNDLE_SHA256, timers sweep "0 \* \* \* \* \* \*"\)/);
  expect(await mutationsSince(before)).toEqual([]);
  expect((await emu.control('/_emulator/db/collections')).collections).toEqual([]);
  expect(fs.existsSync(path.join(tmp, 'cloud-env.ts'))).toBe(false);
});

test('deploy into an empty env creates everything the manifest lists, and doctor then reports it clean', async () => {
  const r = await deploy();
  expect(r.code).toBe(0);
  expect(fs.readFileSync(path.join(tmp, 'cloud-env.ts'), 'utf8')).toBe(
    `export const CLOUD_ENV_ID: string = '${ENV_ID}';\nexport const CLOUD_SUBSCRIBE_TEMPLATES: { merchantReview: string; orderShipped: string } = { merchantReview: 'tmpl-review-1', orderShipped: 'tmpl-shipped-1' };\n`,
  );

  const { state } = await tcapi();
  expect((await emu.control('/_emulator/db/collections')).collections.sort()).toEqual(collectionNames());
  for (const name of collectionNames()) expect([name, state.permissions[name]]).toEqual([name, { Permission: 'CUSTOM', SecurityRule: JSON.stringify({ read: false, write: false }) }]);
  expect(state.storage.AclTag).toBe('CUSTOM');
  const explain = await emu.control('/_emulator/db/explain', { collection: 'orders', query: { [indexDeclarations().orders[0].keys[0].field]: 'x' } });
  expect(explain.plan.index).toBe(indexDeclarations().orders[0].name);
  for (const fn of functionManifests()) {
    const f = state.functions[fn.name];
    expect([fn.name, f.Runtime, f.Timeout, f.Status]).toEqual([fn.name, 'Nodejs16.13', fn.timeout, 'Active']);
    expect(f.Triggers.map((t: any) => t.TriggerName)).toEqual(fn.triggers.map((t) => t.name));
    for (const k of fn.envNames) expect(f.Environment.find((v: any) => v.Key === k)?.Value).toBeTruthy();
  }
  expect(state.functions.merchant.Environment.find((v: any) => v.Key === 'PLATFORM_ADMIN_OPENIDS').Value).toBe('o-first-admin');

  // a timer run, so doctor has one to report (SOURCE and context keys as the function saw them)
  const fired = await emu.control('/_emulator/timers/fire', { function: 'order', trigger: 'sweep' });
  expect(fired.ok).toBe(true);

  const d = await doctor();
  expect(d.out).toContain('[doctor] clean');
  expect(d.code).toBe(0);
  expect(d.out).toMatch(/live merchant: node v\d+.*SOURCE=scf, getWXContext keys \[ENV, SOURCE\].*subscribeMessage\.send permitted \(40037\)/);
  expect(d.out).toMatch(/live review: .*security\.msgSecCheck permitted \(0\)/);
  expect(d.out).toMatch(/live order: .*last timer runs: sweep at \S+ SOURCE=wx_trigger keys=\[[A-Z,]*SOURCE[A-Z,]*\]/);
  expect(d.out).toMatch(/live cart: .*TZ=.* intl=\S+ UTC[+-]\d/);
});

test('a second deploy changes nothing', async () => {
  const before = (await tcapi()).requests.length;
  const r = await deploy();
  expect(r.code).toBe(0);
  expect(r.out).toContain('nothing to change');
  expect(await mutationsSince(before)).toEqual([]);
});

test('doctor names exactly what drifted (an index, a rule, a trigger, a timeout), and deploy puts it back', async () => {
  const index = indexDeclarations().orders[0].name;
  const calls = [
    tcapiCall('tcb', '2018-06-08', 'UpdateTable', { EnvId: ENV_ID, TableName: 'orders', DropIndexes: [{ IndexName: index }] }),
    tcapiCall('tcb', '2018-06-08', 'ModifyResourcePermission', { EnvId: ENV_ID, ResourceType: 'collection', Resource: 'roles', Permission: 'PRIVATE' }),
    tcapiCall('scf', '2018-04-16', 'DeleteTrigger', { Namespace: ENV_ID, FunctionName: 'payment', TriggerName: 'retryRefunds', Type: 'timer' }),
    tcapiCall('scf', '2018-04-16', 'UpdateFunctionConfiguration', { Namespace: ENV_ID, FunctionName: 'cart', Timeout: 3 }),
  ];
  for (const c of await Promise.all(calls)) expect(c).toEqual(expect.objectContaining({ code: 0 }));

  const d = await doctor();
  expect(d.code).toBe(1);
  expect(problems(d.out)).toEqual([
    `index orders.${index}: missing: index missing`,
    'rule roles: differs: permission PRIVATE (clients may read or write it)',
    'timeout cart: differs: timeout 3 s, manifest 10 s',
    'trigger payment.retryRefunds: missing: timer trigger missing',
  ]);

  const before = (await tcapi()).requests.length;
  const r = await deploy();
  expect(r.code).toBe(0);
  expect((await mutationsSince(before)).sort()).toEqual(['scf.BatchCreateTrigger', 'scf.UpdateFunctionConfiguration', 'tcb.ModifyResourcePermission', 'tcb.UpdateTable']);
  expect((await doctor()).code).toBe(0);
});

test('a shopper cannot call the doctor action through the client gateway', async () => {
  const res = await fetch(`${emu.url}/gateway/functions/order`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-shopper' }, body: JSON.stringify({ action: 'doctor' }) });
  const body = (await res.json()) as { result: { ok: boolean; error: { code: string } } };
  expect(body.result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
});

test('the manifest names every environment variable the built functions read', () => {
  // set by the platform, or (CLOUDMALL_ALLOW_SAMPLE_SETTINGS) by the local emulator only
  const platformSet = /^(TCB_|SCF_|TENCENTCLOUD_|WX_|TZ$|TRIGGER_SRC$|CLOUDMALL_BUNDLE_SHA256$|CLOUDMALL_ALLOW_SAMPLE_SETTINGS$)/;
  for (const fn of functionManifests()) {
    const code = fs.readFileSync(path.join(fn.dir, 'index.js'), 'utf8');
    const read = new Set<string>();
    for (const m of code.matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)) read.add(m[1]);
    // names read through a constant: `process.env[NAME_ENV]` with `var NAME_ENV = "..."`
    for (const m of code.matchAll(/\b[A-Z_]+_ENV = "([A-Z_][A-Z0-9_]*)"/g)) read.add(m[1]);
    const expected = [...read].filter((n) => !platformSet.test(n)).sort();
    expect([fn.name, expected]).toEqual([fn.name, [...fn.envNames].sort()]);
  }
  for (const [name, v] of Object.entries(FUNCTION_ENV)) expect([name, v.functions.length > 0]).toEqual([name, true]);
});

test('the stand-in is a proxy for the Tencent Cloud API hosts only: other CONNECT targets are refused', async () => {
  const http = await import('node:http');
  const status = (target: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: Number(new URL(emu.url).port), method: 'CONNECT', path: target });
      req.on('connect', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  expect(await status('example.com:443')).toBe(403);
  expect(await status('scf.tencentcloudapi.com:80')).toBe(403);
  expect(await status('scf.tencentcloudapi.com:443')).toBe(200);
});
