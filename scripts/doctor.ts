/**
 * `npm run doctor -- --env <envId>`: read-only. Reports every difference between the deploy
 * manifest and the env (missing collection, index, rule, storage rule, function, trigger, wrong
 * runtime or timeout, missing environment variable, sample values in the deploy config), then
 * invokes every function with `{action: 'doctor'}` and prints what the live function sees (its
 * getWXContext() keys, SOURCE, time zone, Node.js version, which expected variables are set, whether
 * each declared cloud-call permission works, and the last timer runs). Exits 1 when anything is off.
 */
import { parseArgs } from 'node:util';
import type { DoctorReport } from '../server/doctor';
import { connect, inspect } from './lib/cloud-env';
import { configProblems, functionManifests, loadDeployConfig, type DeployConfig } from './lib/manifest';

/** What the live function answers to `{action: 'doctor'}` (server/doctor.ts). */
type Live = DoctorReport;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' } } });
  const envId = values.env ?? '';
  if (!envId) throw new Error('usage: npm run doctor -- --env <envId>');
  const problems: string[] = [];
  let config: DeployConfig | undefined;
  try {
    config = loadDeployConfig();
    for (const p of configProblems(config, envId)) problems.push(`config: ${p}`);
  } catch (e) {
    problems.push(`config: ${(e as Error).message}`);
  }
  const app = connect(envId, config?.region ?? 'ap-shanghai');
  const items = await inspect(app, config);
  for (const i of items) if (i.state !== 'ok') problems.push(`${i.area} ${i.name}: ${i.state}: ${i.detail}`);
  console.log(`[doctor] ${envId}: ${items.filter((i) => i.state === 'ok').length} of ${items.length} manifest items as declared`);

  const missingFns = new Set(items.filter((i) => i.area === 'function' && i.state === 'missing').map((i) => i.name));
  for (const fn of functionManifests()) {
    if (missingFns.has(fn.name)) continue;
    let live: Live | undefined;
    try {
      const r = (await app.functions.invokeFunction(fn.name, { action: 'doctor', expectEnv: fn.envNames })) as { RetMsg?: string; ErrMsg?: string; InvokeResult?: number };
      if (r.InvokeResult) throw new Error(r.ErrMsg || 'the function failed');
      const out = JSON.parse(r.RetMsg || 'null') as { ok?: boolean; data?: Live; error?: { code: string; message: string } };
      if (!out?.ok) throw new Error(`it answered ${JSON.stringify(out?.error ?? out)}${out?.error?.code === 'FORBIDDEN' ? ' (the SOURCE of a management-API invoke is not a platform source here)' : ''}`);
      live = out.data!;
    } catch (e) {
      problems.push(`live ${fn.name}: doctor action failed: ${(e as Error).message}`);
      continue;
    }
    const tz = live.timeZone;
    const offset = `UTC${tz.utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(tz.utcOffsetMinutes / 60)}`;
    const openapi = Object.entries(live.openapi).map(([api, p]) => `${api} ${p.permitted ? 'permitted' : 'NOT permitted'} (${p.errCode ?? '?'})`);
    const timers = live.timerRuns.map((t) => `${t.trigger} at ${t.at} SOURCE=${t.source || '(empty)'} keys=[${t.contextKeys.join(',')}]`);
    console.log(`[doctor] live ${fn.name}: node ${live.node}, SOURCE=${live.source || '(empty)'}, getWXContext keys [${live.wxContextKeys.join(', ')}], TZ=${tz.TZ ?? '(unset)'} intl=${tz.intl} ${offset}${openapi.length ? `, ${openapi.join(', ')}` : ''}${timers.length ? `, last timer runs: ${timers.join('; ')}` : ''}`);
    for (const [k, set] of Object.entries(live.env)) if (!set) problems.push(`live ${fn.name}: environment variable ${k} is not set in the running function`);
    for (const [api, p] of Object.entries(live.openapi)) if (!p.permitted) problems.push(`live ${fn.name}: cloud call ${api} is not permitted (${p.errCode}): upload ${fn.name} from WeChat DevTools to register its permissions`);
    for (const api of fn.openapi) if (!live.openapi[api]) problems.push(`live ${fn.name}: the deployed config.json does not declare ${api}`);
    for (const t of fn.triggers) {
      const run = live.timerRuns.find((r) => r.trigger === t.name);
      if (run && run.source !== 'wx_trigger') problems.push(`live ${fn.name}: timer ${t.name} last ran with SOURCE=${run.source || '(empty)'}, not wx_trigger`);
    }
  }
  if (problems.length) {
    console.log(`[doctor] ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log('[doctor] clean: the env matches the manifest');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[doctor] failed: ${(e as Error)?.message ?? e}`);
    process.exit(1);
  },
);
