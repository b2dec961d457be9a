/**
 * `npm run bench`: measures the local CloudBase emulator through the real wx-server-sdk and writes
 * the figures to bench/results.json (machine-readable) and bench/RESULTS.md (for people).
 * Each workload runs a fixed number of operations at a fixed concurrency; we report throughput and
 * latency percentiles. Figures depend on the machine: compare runs on the same one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSdk } from '../emulator/src/sdk-env';
import { startEmulator } from '../emulator/test/support/harness';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_JSON = path.join(ROOT, 'bench/results.json');
const RESULTS_MD = path.join(ROOT, 'bench/RESULTS.md');

interface Figure {
  workload: string;
  ops: number;
  concurrency: number;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  note?: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(workload: string, ops: number, concurrency: number, op: (i: number) => Promise<unknown>, note?: string): Promise<Figure> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await op(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  const fig = { workload, ops, concurrency, opsPerSec: Math.round((ops / totalMs) * 1000), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), maxMs: round(latencies[latencies.length - 1]), note };
  console.log(`[bench] ${workload.padEnd(34)} ${String(fig.opsPerSec).padStart(6)} ops/s  p50 ${fig.p50Ms} ms  p99 ${fig.p99Ms} ms`);
  return fig;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface PackageSizes {
  compileMs: number;
  files: number;
  total: number;
  packages: Record<string, number>;
  budgets: { main: number; subpackage: number };
  over: string[];
}

/** Sizes of the main package and subpackages from scripts/package-size.js (its own process: it never exits by itself). */
function measurePackages(): PackageSizes {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package-size.js')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`package-size failed: ${r.stderr}`);
  return JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as PackageSizes;
}

async function main(): Promise<void> {
  const emu = await startEmulator({ timers: false, workers: 2 });
  try {
    const cloud = connectSdk(emu.adminUrl);
    const db = cloud.database();
    const _ = db.command;
    await db.createCollection('bench_goods');
    await db.createCollection('bench_orders');
    const seedIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const batch = Array.from({ length: 100 }, (_x, j) => ({ _id: `g${i * 100 + j}`, name: `goods ${i * 100 + j}`, price: 100 + j, stock: 1_000_000, shopId: `s${j % 5}` }));
      await db.collection('bench_goods').add({ data: batch });
      seedIds.push(...batch.map((b) => b._id));
    }
    await emu.control('/_emulator/db/indexes', { collection: 'bench_goods', indexes: [{ name: 'shop', keys: [{ field: 'shopId', direction: 1 }] }] });

    const figures: Figure[] = [];
    // warm up connections, code paths and function instances (their start-up is not what we measure)
    await Promise.all(Array.from({ length: 50 }, (_x, i) => db.collection('bench_goods').doc(seedIds[i]).get()));
    const gatewayCall = (fn: string, body: string) =>
      fetch(`${emu.url}/gateway/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'bench' }, body }).then((r) => r.json());
    await Promise.all(Array.from({ length: 16 }, () => gatewayCall('caller', '{"target":"whoami"}')));

    figures.push(await measure('read: doc(id).get()', 3000, 16, (i) => db.collection('bench_goods').doc(seedIds[i % seedIds.length]).get()));
    figures.push(
      await measure('read: where(indexed).limit(20).get()', 1500, 16, (i) => db.collection('bench_goods').where({ shopId: `s${i % 5}` }).limit(20).get(), '1000 documents, 200 per shop, index on shopId'),
    );
    figures.push(
      await measure('read: where(range).orderBy().get()', 1000, 16, (i) => db.collection('bench_goods').where({ price: _.gte(150 + (i % 40)) }).orderBy('price', 'asc').limit(20).get(), 'full scan of 1000 documents'),
    );
    figures.push(await measure('write: add()', 2000, 16, (i) => db.collection('bench_orders').add({ data: { n: i, at: db.serverDate(), items: [{ sku: 'a', qty: 1 }] } })));
    figures.push(
      await measure('write: conditional decrement', 2000, 16, (i) =>
        db.collection('bench_goods').where({ _id: seedIds[i % 10], stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } }),
      ),
    );
    figures.push(
      await measure('function: gateway invocation', 600, 8, () => gatewayCall('whoami', '{}'), 'trivial function, pool of 2 warm instances'),
    );
    figures.push(
      await measure('function: nested callFunction', 600, 8, () => gatewayCall('caller', '{"target":"whoami"}'), 'function calling another function through the SDK'),
    );

    const packages = measurePackages();
    const result = {
      date: new Date().toISOString(),
      packages,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      figures,
    };
    fs.mkdirSync(path.dirname(RESULTS_JSON), { recursive: true });
    fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Emulator benchmark',
      '',
      `Run ${result.date} on ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${result.machine.node}.`,
      'Client: the real wx-server-sdk in the bench process; server: the emulator CLI in its own process. `npm run bench` refreshes this file.',
      '',
      '| workload | ops | concurrency | ops/s | p50 ms | p99 ms | max ms | note |',
      '|---|---|---|---|---|---|---|---|',
      ...figures.map((f) => `| ${f.workload} | ${f.ops} | ${f.concurrency} | ${f.opsPerSec} | ${f.p50Ms} | ${f.p99Ms} | ${f.maxMs} | ${f.note ?? ''} |`),
      '',
      '## Mini-program packages',
      '',
      `Offline miniprogram-ci compile as an upload makes it (TypeScript, minified JS/WXML/WXSS, unused files ignored), ${packages.files} files in ${packages.compileMs} ms. Budgets: main ${kb(packages.budgets.main)}, each subpackage ${kb(packages.budgets.subpackage)}.`,
      '',
      '| package | size |',
      '|---|---|',
      ...Object.entries(packages.packages).map(([name, size]) => `| ${name === '__main__' ? 'main' : name} | ${kb(size)} |`),
      `| total | ${kb(packages.total)} |`,
      '',
    ].join('\n');
    const extra = fs.existsSync(RESULTS_MD) ? fs.readFileSync(RESULTS_MD, 'utf8').split('<!-- other figures -->')[1] : undefined;
    fs.writeFileSync(RESULTS_MD, extra ? `${md}\n<!-- other figures -->${extra}` : md);
    console.log(`[bench] wrote ${path.relative(ROOT, RESULTS_JSON)} and ${path.relative(ROOT, RESULTS_MD)}`);
  } finally {
    await emu.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
