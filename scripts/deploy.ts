/**
 * `npm run deploy -- --env <envId> [--dry-run]`: brings a CloudBase env in line with the deploy
 * manifest (scripts/lib/manifest.ts) through @cloudbase/manager-node: collections, indexes, deny-all
 * security rules, the storage rule, every function (code, runtime, timeout, environment variables)
 * and its timer triggers. It compares first and changes only what differs, printing each change;
 * run twice, the second run changes nothing. --dry-run prints the plan and changes nothing.
 *
 * Settings come from cloudmall.deploy.json (see cloudmall.deploy.example.json); credentials from
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY or .cloudbase-credentials.json. Missing production
 * settings or sample values stop it before anything is touched. It also writes the env id into the
 * mini-program (miniprogram/config/cloud-env.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, inParallel, inspect } from './lib/cloud-env';
import { bundleHash, CLOUD_ENV_FILE, cloudEnvSource, configProblems, functionManifests, loadDeployConfig, ROOT } from './lib/manifest';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const envId = values.env ?? '';
  const dryRun = values['dry-run'] === true;
  if (!envId) throw new Error('usage: npm run deploy -- --env <envId> [--dry-run]');

  // preflight: nothing is touched unless all of it passes
  const config = loadDeployConfig();
  const problems = configProblems(config, envId);
  const unbuilt = functionManifests().filter((f) => !bundleHash(f)).map((f) => f.name);
  if (unbuilt.length) problems.push(`bundles not built for ${unbuilt.join(', ')}: run npm run build`);
  for (const f of functionManifests()) if (f.timeoutDefaulted) console.log(`[deploy] note: ${f.name} has no timeout in config.json; deploying it with ${f.timeout} s`);
  if (problems.length) {
    console.error(`[deploy] refusing to deploy to ${envId}: the deploy config is not ready for production:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }

  const app = connect(envId, config.region);
  const items = await inspect(app, config);
  const plan = items.filter((i) => i.fix);
  const blocked = items.filter((i) => i.state === 'cannot');
  for (const b of blocked) console.error(`[deploy] cannot fix ${b.area} ${b.name}: ${b.detail}`);
  console.log(`[deploy] ${envId}: ${items.length - plan.length - blocked.length} items as declared, ${plan.length} to change${dryRun ? ' (dry run: nothing will be changed)' : ''}`);
  for (const p of plan) console.log(`[deploy] ${dryRun ? 'would ' : ''}${p.fix!.says}`);
  // CLOUDMALL_CLOUD_ENV_FILE: where to write it instead (tests, so the committed file stays as it is)
  const cloudEnv = process.env.CLOUDMALL_CLOUD_ENV_FILE || path.join(ROOT, CLOUD_ENV_FILE);
  const cloudEnvChanges = !fs.existsSync(cloudEnv) || fs.readFileSync(cloudEnv, 'utf8') !== cloudEnvSource(envId, config.templates);
  if (cloudEnvChanges) console.log(`[deploy] ${dryRun ? 'would write' : 'writing'} ${CLOUD_ENV_FILE} (CLOUD_ENV_ID = '${envId}')`);
  if (dryRun) return blocked.length ? 1 : 0;

  // collections, indexes, rules and storage first (functions read them), then the functions
  const isFunction = (a: string) => ['function', 'code', 'timeout', 'env', 'trigger', 'runtime', 'config'].includes(a);
  for (const p of plan.filter((i) => !isFunction(i.area))) {
    await p.fix!.run();
    console.log(`[deploy] done: ${p.fix!.says}`);
  }
  const byFunction = new Map<string, typeof plan>();
  for (const p of plan.filter((i) => isFunction(i.area))) {
    const fn = p.name.split('.')[0];
    byFunction.set(fn, [...(byFunction.get(fn) ?? []), p]);
  }
  await inParallel(
    [...byFunction.values()].map((steps) => async () => {
      for (const p of steps) {
        await p.fix!.run();
        console.log(`[deploy] done: ${p.fix!.says}`);
      }
    }),
    4,
  );
  if (cloudEnvChanges) fs.writeFileSync(cloudEnv, cloudEnvSource(envId, config.templates));
  console.log(`[deploy] ${plan.length ? `${plan.length} change(s) made` : 'nothing to change'}${blocked.length ? `; ${blocked.length} item(s) need a hand (above)` : ''}. Check with: npm run doctor -- --env ${envId}`);
  return blocked.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[deploy] failed: ${(e as Error)?.message ?? e}`);
    process.exit(1);
  },
);
