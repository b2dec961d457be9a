/**
 * Compares a CloudBase env with the deploy manifest through `@cloudbase/manager-node`, and brings it
 * in line. `inspect` only reads: it lists every item of the manifest with its state in the env and,
 * where it differs, the change that would fix it. `npm run deploy` applies those changes (or prints
 * them with --dry-run); `npm run doctor` reports them and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import {
  BUNDLE_HASH_ENV,
  bundleHash,
  collectionNames,
  type DeployConfig,
  type FunctionManifest,
  functionEnv,
  functionManifests,
  type IndexDecl,
  indexDeclarations,
  MIN_NODE_MAJOR,
  ROOT,
  securityRules,
  STORAGE_RULE,
} from './manifest';

export type ItemState = 'ok' | 'missing' | 'differs' | 'cannot';

export interface Item {
  area: 'collection' | 'index' | 'rule' | 'storage' | 'function' | 'runtime' | 'timeout' | 'env' | 'code' | 'trigger' | 'config';
  name: string;
  state: ItemState;
  detail: string;
  /** The change deploy makes for it (absent when ok, or when deploy cannot fix it). */
  fix?: { says: string; run: () => Promise<void> };
}

/** Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY, or the git-ignored file `.cloudbase-credentials.json`. */
export const CREDENTIALS_FILE = '.cloudbase-credentials.json';

export function connect(envId: string, region: string): CloudBase {
  let secretId = process.env.TENCENTCLOUD_SECRETID;
  let secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  const token = process.env.TENCENTCLOUD_SESSIONTOKEN || undefined;
  const file = path.join(ROOT, CREDENTIALS_FILE);
  if ((!secretId || !secretKey) && fs.existsSync(file)) {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { secretId?: string; secretKey?: string };
    secretId = c.secretId;
    secretKey = c.secretKey;
  }
  if (!secretId || !secretKey) throw new Error(`no Tencent Cloud credentials: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, or write {"secretId", "secretKey"} to ${CREDENTIALS_FILE} (git-ignored)`);
  return new CloudBase({ secretId, secretKey, token, envId, region });
}

function errCode(e: unknown): string {
  return String((e as { code?: unknown }).code ?? '');
}

function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([x], [y]) => x.localeCompare(y)).map(([k, w]) => [k, norm(w)])) : Array.isArray(v) ? v.map(norm) : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function parseRule(s: string | undefined): unknown {
  try {
    return s ? JSON.parse(s) : undefined;
  } catch {
    return s;
  }
}

function indexMatches(remote: { Keys?: Array<{ Name: string; Direction: string }>; Unique?: boolean }, want: IndexDecl): boolean {
  const keys = (remote.Keys ?? []).map((k) => `${k.Name}:${String(k.Direction)}`).join(',');
  return keys === want.keys.map((k) => `${k.field}:${k.direction}`).join(',') && Boolean(remote.Unique) === Boolean(want.unique);
}

function createIndexParam(d: IndexDecl) {
  return { IndexName: d.name, MgoKeySchema: { MgoIndexKeys: d.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })), MgoIsUnique: d.unique === true } };
}

function cronOf(desc: string): string {
  try {
    const v = JSON.parse(desc) as { cron?: string };
    if (v && typeof v.cron === 'string') return v.cron;
  } catch {
    /* bare cron */
  }
  return desc;
}

export function runtimeMajor(runtime: string): number {
  const m = /^Nodejs(\d+)/.exec(runtime);
  return m ? Number(m[1]) : 0;
}

/** Files a function's zip leaves out: sources, docs and tests (the bundle is index.js). */
export const UPLOAD_IGNORE = ['src', 'src/**', '**/*.ts', '*.md', 'node_modules', 'node_modules/**'];

async function collectionItems(app: CloudBase): Promise<Item[]> {
  const items: Item[] = [];
  const db = app.database;
  const rules = securityRules();
  const decls = indexDeclarations();
  const names = collectionNames();
  const listed = await db.listCollections({ MgoLimit: 1000, MgoOffset: 0 });
  const existing = new Set((listed.Collections ?? []).map((c: { CollectionName: string }) => c.CollectionName));
  const perms = new Map<string, { Permission?: string; SecurityRule?: string }>();
  const present = names.filter((n) => existing.has(n));
  for (let i = 0; i < present.length; i += 100) {
    const res = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: present.slice(i, i + 100) });
    for (const p of res.Data?.PermissionList ?? []) perms.set(String(p.Resource), p);
  }
  for (const name of names) {
    const rule = rules[name];
    const want = decls[name] ?? [];
    const setRule = async () => {
      await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: 'CUSTOM', securityRule: JSON.stringify(rule) });
    };
    if (!rule) items.push({ area: 'rule', name, state: 'cannot', detail: `database/security-rules.json has no rule for ${name}: add one (deny-all)` });
    if (!existing.has(name)) {
      items.push({
        area: 'collection',
        name,
        state: 'missing',
        detail: `collection missing${want.length ? ` (and its ${want.length} index(es))` : ''}, so no security rule either`,
        fix: {
          says: `create collection ${name}${want.length ? `, indexes ${want.map((d) => d.name).join(', ')}` : ''}${rule ? ', deny-all rule' : ''}`,
          run: async () => {
            await db.createCollection(name);
            if (want.length) await db.updateCollection(name, { CreateIndexes: want.map(createIndexParam) });
            if (rule) await setRule();
          },
        },
      });
      continue;
    }
    items.push({ area: 'collection', name, state: 'ok', detail: 'exists' });
    const table = await db.describeCollection(name);
    const remote = new Map<string, { Keys?: Array<{ Name: string; Direction: string }>; Unique?: boolean }>(((table.Indexes ?? []) as unknown as Array<{ Name: string; Keys?: Array<{ Name: string; Direction: string }>; Unique?: boolean }>).map((i) => [i.Name, i]));
    for (const d of want) {
      const r = remote.get(d.name);
      const label = `${name}.${d.name}`;
      if (!r) items.push({ area: 'index', name: label, state: 'missing', detail: 'index missing', fix: { says: `create index ${label}`, run: async () => void (await db.updateCollection(name, { CreateIndexes: [createIndexParam(d)] })) } });
      else if (!indexMatches(r, d)) items.push({ area: 'index', name: label, state: 'differs', detail: `keys ${JSON.stringify(r.Keys)} unique=${Boolean(r.Unique)}`, fix: { says: `re-create index ${label}`, run: async () => void (await db.updateCollection(name, { DropIndexes: [{ IndexName: d.name }], CreateIndexes: [createIndexParam(d)] })) } });
      else items.push({ area: 'index', name: label, state: 'ok', detail: 'as declared' });
    }
    if (rule) {
      const p = perms.get(name);
      const ok = p?.Permission === 'CUSTOM' && sameJson(parseRule(p.SecurityRule), rule);
      items.push(ok ? { area: 'rule', name, state: 'ok', detail: 'deny-all' } : { area: 'rule', name, state: 'differs', detail: `permission ${p?.Permission ?? 'unknown'} ${p?.SecurityRule ?? ''}`.trim() + ' (clients may read or write it)', fix: { says: `set the deny-all rule on ${name}`, run: setRule } });
    }
  }
  return items;
}

async function storageItems(app: CloudBase): Promise<Item[]> {
  const acl = (await app.storage.getStorageAcl({ withRule: true })) as { acl: string; rule?: unknown };
  const ok = acl.acl === STORAGE_RULE.acl && sameJson(acl.rule, STORAGE_RULE.rule);
  if (ok) return [{ area: 'storage', name: 'storage rule', state: 'ok', detail: 'goods pictures public, private/ closed' }];
  return [
    {
      area: 'storage',
      name: 'storage rule',
      state: 'differs',
      detail: `storage permission ${acl.acl}${acl.rule ? ` ${JSON.stringify(acl.rule)}` : ''}`,
      fix: { says: 'set the storage rule (public pictures, private/ closed)', run: async () => void (await app.storage.setStorageAcl(STORAGE_RULE.acl, STORAGE_RULE.rule)) },
    },
  ];
}

interface RemoteFunction {
  Runtime: string;
  Timeout: number;
  Status: string;
  Environment?: { Variables?: Array<{ Key: string; Value: string }> };
  Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
}

function funcParam(fn: FunctionManifest, env: Record<string, string>) {
  return { name: fn.name, runtime: fn.runtime, timeout: fn.timeout, envVariables: env, installDependency: true, ignore: UPLOAD_IGNORE, handler: 'index.main' };
}

async function functionItems(app: CloudBase, fn: FunctionManifest, config: DeployConfig | undefined): Promise<Item[]> {
  const items: Item[] = [];
  const hash = bundleHash(fn);
  const wantEnv: Record<string, string> | undefined = config ? { ...functionEnv(fn, config), ...(hash ? { [BUNDLE_HASH_ENV]: hash } : {}) } : undefined;
  let remote: RemoteFunction | undefined;
  try {
    remote = (await app.functions.getFunctionDetail(fn.name)) as unknown as RemoteFunction;
  } catch (e) {
    if (!errCode(e).startsWith('ResourceNotFound')) throw e;
  }
  if (!remote) {
    items.push({
      area: 'function',
      name: fn.name,
      state: 'missing',
      detail: 'function missing',
      fix: wantEnv
        ? {
            says: `create function ${fn.name} (${fn.runtime}, timeout ${fn.timeout} s${fn.timeoutDefaulted ? ' (default: its config.json sets none)' : ''}, env ${Object.keys(wantEnv).join(', ')}${fn.triggers.length ? `, timers ${fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}` : ''})`,
            run: async () => {
              await app.functions.createFunction({ func: { ...funcParam(fn, wantEnv), triggers: fn.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.config })) }, functionPath: fn.dir, deployMode: 'zip' } as never);
            },
          }
        : undefined,
    });
    return items;
  }
  items.push({ area: 'function', name: fn.name, state: remote.Status === 'Active' ? 'ok' : 'differs', detail: `status ${remote.Status}` });
  const major = runtimeMajor(remote.Runtime);
  items.push(
    major >= MIN_NODE_MAJOR
      ? { area: 'runtime', name: fn.name, state: 'ok', detail: remote.Runtime }
      : { area: 'runtime', name: fn.name, state: 'cannot', detail: `runtime ${remote.Runtime} cannot run the bundles (needs Nodejs${MIN_NODE_MAJOR} or newer); the runtime is fixed at creation: delete the function in the console and deploy again (then re-upload it from DevTools if it declares cloud-call permissions)` },
  );
  const vars = new Map((remote.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
  const configDiffs: string[] = [];
  if (Number(remote.Timeout) !== fn.timeout) {
    items.push({ area: 'timeout', name: fn.name, state: 'differs', detail: `timeout ${remote.Timeout} s, manifest ${fn.timeout} s` });
    configDiffs.push(`timeout ${remote.Timeout} -> ${fn.timeout} s`);
  } else items.push({ area: 'timeout', name: fn.name, state: 'ok', detail: `${fn.timeout} s${fn.timeoutDefaulted ? ' (default: config.json sets none)' : ''}` });
  for (const k of [...fn.envNames, ...Object.keys(config?.functionEnv[fn.name] ?? {})]) {
    const v = vars.get(k);
    if (!v) {
      items.push({ area: 'env', name: `${fn.name}.${k}`, state: 'missing', detail: 'environment variable not set' });
      configDiffs.push(`set ${k}`);
    } else if (wantEnv && wantEnv[k] !== v) {
      items.push({ area: 'env', name: `${fn.name}.${k}`, state: 'differs', detail: 'value differs from the deploy config' });
      configDiffs.push(`update ${k}`);
    } else items.push({ area: 'env', name: `${fn.name}.${k}`, state: 'ok', detail: 'set' });
  }
  if (configDiffs.length) {
    const last = items.filter((i) => i.state !== 'ok' && ['timeout', 'env'].includes(i.area)).pop()!;
    if (wantEnv) {
      // SCF replaces the whole variable list: keep variables set in the console that the manifest does not name
      const merged = { ...Object.fromEntries(vars), ...wantEnv };
      last.fix = { says: `update ${fn.name} configuration: ${configDiffs.join(', ')}`, run: async () => void (await app.functions.updateFunctionConfig({ name: fn.name, timeout: fn.timeout, envVariables: merged } as never)) };
    }
  }
  if (!hash) items.push({ area: 'code', name: fn.name, state: 'cannot', detail: 'bundle not built (npm run build)' });
  else if (vars.get(BUNDLE_HASH_ENV) !== hash) {
    items.push({
      area: 'code',
      name: fn.name,
      state: 'differs',
      detail: vars.get(BUNDLE_HASH_ENV) ? 'deployed code differs from the local bundle' : 'deployed code was not uploaded by npm run deploy',
      fix: wantEnv
        ? {
            says: `upload ${fn.name} code (bundle ${hash.slice(0, 12)})`,
            run: async () => {
              await app.functions.updateFunctionCode({ func: funcParam(fn, wantEnv), functionPath: fn.dir, deployMode: 'zip' } as never);
              await app.functions.updateFunctionConfig({ name: fn.name, timeout: fn.timeout, envVariables: { ...Object.fromEntries(vars), ...wantEnv } } as never);
            },
          }
        : undefined,
    });
  } else items.push({ area: 'code', name: fn.name, state: 'ok', detail: `bundle ${hash.slice(0, 12)}` });
  const triggers = new Map((remote.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => [t.TriggerName, cronOf(t.TriggerDesc)]));
  for (const t of fn.triggers) {
    const have = triggers.get(t.name);
    const create = async () => void (await app.functions.createFunctionTriggers(fn.name, [{ name: t.name, type: 'timer', config: t.config }] as never));
    if (have === undefined) items.push({ area: 'trigger', name: `${fn.name}.${t.name}`, state: 'missing', detail: 'timer trigger missing', fix: { says: `create timer ${fn.name}.${t.name} "${t.config}"`, run: create } });
    else if (have !== t.config)
      items.push({
        area: 'trigger',
        name: `${fn.name}.${t.name}`,
        state: 'differs',
        detail: `cron "${have}", manifest "${t.config}"`,
        fix: {
          says: `re-create timer ${fn.name}.${t.name} "${t.config}"`,
          run: async () => {
            await app.functions.deleteFunctionTrigger(fn.name, t.name);
            await create();
          },
        },
      });
    else items.push({ area: 'trigger', name: `${fn.name}.${t.name}`, state: 'ok', detail: t.config });
  }
  for (const [name, cron] of triggers) if (!fn.triggers.some((t) => t.name === name)) items.push({ area: 'trigger', name: `${fn.name}.${name}`, state: 'differs', detail: `timer "${cron}" is not in config.json (left in place)` });
  return items;
}

/** Every manifest item with its state in the env. Read-only. `config` is needed for the fixes (deploy). */
export async function inspect(app: CloudBase, config?: DeployConfig): Promise<Item[]> {
  const items = [...(await collectionItems(app)), ...(await storageItems(app))];
  for (const fn of functionManifests()) items.push(...(await functionItems(app, fn, config)));
  return items;
}

/** Runs `tasks` with at most `limit` at once (function uploads wait on the platform). */
export async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}
