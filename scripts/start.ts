/**
 * `npm start`: the whole mall on this machine. Builds the emulator and the cloud functions, starts
 * the local CloudBase (emulator) with its data in .data/emulator, deploys collections, indexes and
 * functions into it, loads the demo platform on first run, prints a line containing `ready` with
 * the addresses, and keeps serving until Ctrl-C / SIGTERM.
 *
 * It also serves the browser preview of the mini-program (preview/README.md) on PREVIEW_PORT (9100).
 *
 * Options (environment): PORT (default 9000), PREVIEW_PORT (default 9100), DATA_DIR (default .data/emulator), WORKERS (default 4),
 * RESET=1 to wipe the data folder first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { deployLocal, ROOT } from './lib/deploy-local';
import { seedDemo } from './demo/seed-demo';
import { type RunningPreview, startPreview } from '../preview/server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 9000);
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.data/emulator');
  if (process.env.RESET === '1') fs.rmSync(dataDir, { recursive: true, force: true });

  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js')], { stdio: 'inherit' });
  // The local functions may use sample settings (WeChat Pay sub-merchant, template ids) where none
  // is set; in production a missing one fails loudly (server/settings.ts).
  process.env.CLOUDMALL_ALLOW_SAMPLE_SETTINGS ??= '1';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Emulator, connectSdk } = require(path.join(ROOT, 'emulator/dist/index.js'));
  const emulator = new Emulator({
    port,
    dataDir,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    workers: Number(process.env.WORKERS ?? 4),
    log: (event: string, detail?: Record<string, unknown>) => {
      // timers fire every minute: report only the ones that failed
      if (event.endsWith('error') || (event === 'timer_fired' && detail?.ok === false)) console.log(`[emulator] ${event} ${detail ? JSON.stringify(detail) : ''}`);
    },
  });
  let preview: RunningPreview | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[start] ${signal}: stopping`);
    await preview?.close();
    await emulator.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const url: string = await emulator.start();
  const deployed = await deployLocal(url);
  console.log(`[start] deployed ${deployed.functions.length} functions (${deployed.functions.join(', ')}), ${deployed.indexes} indexes, created ${deployed.created.length} collections`);
  const cloud = connectSdk(`${url}/admin`);
  const seeded = await seedDemo({ db: cloud.database(), cloud, log: (m) => console.log(`[demo-data] ${m}`) });
  console.log(seeded.skipped ? '[start] demo data already loaded' : `[start] demo data loaded: ${seeded.shops} shops, ${seeded.goods} goods, ${seeded.skus} SKUs, ${seeded.coupons} coupons, ${seeded.images} images`);
  // No PLATFORM_ADMIN_OPENIDS here: the local platform admin (dev-admin-1) and the demo shop
  // owners come from `roles` documents the seed writes when missing.
  if (seeded.roles || seeded.applications) console.log(`[start] demo roles added: ${seeded.roles} roles, ${seeded.applications} shop application(s)`);
  preview = await startPreview({ emulatorUrl: url, port: Number(process.env.PREVIEW_PORT ?? 9100), host: process.env.PREVIEW_HOST, log: (message: string) => console.log(`[preview] ${message}`) });
  console.log(`[start] ready: preview ${preview.url} | CloudBase API ${url}/admin | function gateway ${url}/gateway/functions/<name> | control ${url}/_emulator/health | data ${path.relative(ROOT, dataDir)}`);
}

main().catch((e) => {
  console.error('[start] failed:', e);
  process.exit(1);
});
