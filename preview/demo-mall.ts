/**
 * A private local mall for screenshots and preview tests: the emulator running the real, built
 * cloud functions (test/support/mall.ts, deployed as `npm start` deploys them), loaded with the
 * demo platform (scripts/demo/seed-demo.ts). Its data lives in a temporary folder, removed on stop.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { seedDemo } from '../scripts/demo/seed-demo';
import { startMall, type Mall } from '../test/support/mall';
import { PINNED_CLOCK } from '../test/support/pinned-clock';
import { REPO_ROOT } from './paths';

export interface DemoMall {
  mall: Mall;
  url: string;
  stop(): Promise<void>;
}

/**
 * Builds the functions (unless `build: false`), starts the emulator and loads the demo data. The
 * mall's clock is pinned and frozen (test/support/pinned-clock.ts), so screenshots and preview
 * tests render the same on any date.
 */
export async function startDemoMall(options: { build?: boolean; log?: (message: string) => void } = {}): Promise<DemoMall> {
  if (options.build !== false) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const mall = await startMall({ workers: 2, clock: PINNED_CLOCK });
  try {
    await seedDemo({ db: mall.db, cloud: mall.cloud, log: options.log ?? (() => undefined) });
  } catch (error) {
    await mall.stop();
    throw error;
  }
  return {
    mall,
    url: mall.emu.url,
    async stop() {
      await mall.stop();
      fs.rmSync(mall.emu.dataDir, { recursive: true, force: true });
    },
  };
}
