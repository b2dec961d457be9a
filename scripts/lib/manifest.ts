/**
 * The deploy manifest: the one list of what a CloudBase env must hold for the mall. `npm run
 * deploy` and `npm run doctor` compare a real env with it, and `npm start` / the test mall
 * (deploy-local.ts) create the same collections and indexes in the local emulator.
 *
 * - collections: one per file in database/schema/;
 * - indexes: database/indexes.json;
 * - security rules: database/security-rules.json (deny-all for clients on every collection);
 * - the storage rule (below);
 * - functions: every folder of cloudfunctions/ with a src/index.ts, with its runtime, timeout and
 *   timer triggers (config.json), the cloud-call permissions it declares (registered only by a
 *   DevTools upload), and the environment variables it reads, filled from the deploy config.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** The runtime every function is created with: the bundles target node16 (scripts/build.js). */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
/** The oldest Node.js major that runs the bundles; doctor accepts this or newer. */
export const MIN_NODE_MAJOR = 16;
/** CloudBase's own default when no timeout is set; the manifest always sets one explicitly. */
export const PLATFORM_DEFAULT_TIMEOUT_S = 3;
/** What a function without `timeout` in its config.json gets (set explicitly, never left to the platform). */
export const DEFAULT_FUNCTION_TIMEOUT_S = 10;
/** Environment variable deploy sets on every function: a hash of its bundle, so re-deploys skip unchanged code. */
export const BUNDLE_HASH_ENV = 'CLOUDMALL_BUNDLE_SHA256';

export function collectionNames(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'database/schema'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export interface IndexDecl {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 }>;
  unique?: boolean;
  sparse?: boolean;
}

function readJson<T>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as T;
}

function withoutComments<T>(raw: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('$')));
}

export function indexDeclarations(): Record<string, IndexDecl[]> {
  return withoutComments(readJson<Record<string, IndexDecl[]>>('database/indexes.json'));
}

export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export function securityRules(): Record<string, SecurityRule> {
  return withoutComments(readJson<Record<string, SecurityRule>>('database/security-rules.json'));
}

/**
 * Storage: goods, banner and review pictures are public (shown by `<image>` from their file id);
 * files under `private/` (licence photos, after-sale evidence) are never readable by clients and
 * reach the people allowed to see them only through `getTempFileURL` called by a function, which
 * runs with admin rights. Clients may upload (wx.cloud.uploadFile), and only as themselves.
 */
export const STORAGE_RULE = {
  acl: 'CUSTOM' as const,
  rule: {
    read: "!resource.path.startsWith('private/')",
    write: 'resource.openid == auth.openid',
  },
};

export interface TimerTrigger {
  name: string;
  /** 7-field cron (second minute hour day month weekday year), read in UTC+8 by CloudBase. */
  config: string;
}

export interface FunctionManifest {
  name: string;
  dir: string;
  runtime: string;
  timeout: number;
  /** true when config.json sets no timeout and the manifest's default was used. */
  timeoutDefaulted: boolean;
  triggers: TimerTrigger[];
  /** Cloud-call permissions from config.json (`permissions.openapi`): DevTools registers them. */
  openapi: string[];
  /** Names of the environment variables the function reads (values come from the deploy config). */
  envNames: string[];
}

/**
 * Every environment variable the functions read and who reads it. A test greps every built bundle
 * for `process.env` reads so a new variable cannot be forgotten here.
 */
export const FUNCTION_ENV: Record<string, { functions: string[]; from: (c: DeployConfig) => string; what: string }> = {
  WXPAY_SUB_MCH_ID: { functions: ['aftersale', 'order', 'payment'], from: (c) => c.wxpaySubMchId, what: 'WeChat Pay sub-merchant id bound to the env' },
  PLATFORM_ADMIN_OPENIDS: {
    functions: ['aftersale', 'finance', 'merchant', 'platform', 'review', 'shop', 'shoporder'],
    from: (c) => c.platformAdminOpenids.join(','),
    what: 'OPENIDs of the first platform admins (comma-separated)',
  },
  MERCHANT_REVIEW_TEMPLATE_ID: { functions: ['merchant'], from: (c) => c.templates.merchantReview, what: 'subscribe template of the shop-application result' },
  ORDER_SHIPPED_TEMPLATE_ID: { functions: ['shoporder'], from: (c) => c.templates.orderShipped, what: 'subscribe template of "order shipped"' },
};

interface ConfigJson {
  timeout?: number;
  triggers?: Array<{ name?: string; type?: string; config?: string }>;
  permissions?: { openapi?: string[] };
}

export function functionManifests(): FunctionManifest[] {
  const root = path.join(ROOT, 'cloudfunctions');
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'src/index.ts')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const cfgPath = path.join(dir, 'config.json');
      const cfg: ConfigJson = fs.existsSync(cfgPath) ? (JSON.parse(fs.readFileSync(cfgPath, 'utf8')) as ConfigJson) : {};
      const timeoutDefaulted = typeof cfg.timeout !== 'number';
      return {
        name,
        dir,
        runtime: FUNCTION_RUNTIME,
        timeout: timeoutDefaulted ? DEFAULT_FUNCTION_TIMEOUT_S : (cfg.timeout as number),
        timeoutDefaulted,
        triggers: (cfg.triggers ?? []).filter((t) => t.type === 'timer' && t.config).map((t) => ({ name: t.name ?? 'timer', config: t.config as string })),
        openapi: cfg.permissions?.openapi ?? [],
        envNames: Object.keys(FUNCTION_ENV).filter((k) => FUNCTION_ENV[k].functions.includes(name)),
      };
    });
}

/** The files deploy uploads for a function: the bundle and what CloudBase reads beside it. */
export const UPLOADED_FILES = ['index.js', 'package.json', 'config.json'];

/** sha256 of a function's uploaded files, or undefined when the bundle is not built. */
export function bundleHash(fn: FunctionManifest): string | undefined {
  const h = crypto.createHash('sha256');
  for (const f of UPLOADED_FILES) {
    const p = path.join(fn.dir, f);
    if (!fs.existsSync(p)) {
      if (f === 'index.js') return undefined;
      continue;
    }
    h.update(`${f}\0`).update(fs.readFileSync(p)).update('\0');
  }
  return h.digest('hex');
}

// ---------------------------------------------------------------- deploy config

export interface DeployConfig {
  envId: string;
  /** The mini-program's appid (project.config.json keeps `touristappid` in git). */
  appid: string;
  region: string;
  wxpaySubMchId: string;
  templates: { merchantReview: string; orderShipped: string };
  platformAdminOpenids: string[];
  /** Extra variables per function, merged over the ones above. */
  functionEnv: Record<string, Record<string, string>>;
}

export const DEPLOY_CONFIG_FILE = 'cloudmall.deploy.json';
export const DEPLOY_EXAMPLE_FILE = 'cloudmall.deploy.example.json';

/** Sample values that must never reach a real env (the example file's and the code's fallbacks). */
export const PLACEHOLDERS = new Set(['', 'your-env-id', 'wx0000000000000000', 'touristappid', '1900000109', 'your-sub-merchant-id', 'your-template-id', 'your-openid', 'dev-admin-1']);

export function isPlaceholder(v: string): boolean {
  return PLACEHOLDERS.has(v.trim()) || /^your-|^<.*>$|example|placeholder/i.test(v.trim());
}

/** Reads the deploy config: `CLOUDMALL_DEPLOY_CONFIG` or cloudmall.deploy.json in the repository root. */
export function loadDeployConfig(file = process.env.CLOUDMALL_DEPLOY_CONFIG || path.join(ROOT, DEPLOY_CONFIG_FILE)): DeployConfig {
  if (!fs.existsSync(file)) throw new Error(`no deploy config at ${file}: copy ${DEPLOY_EXAMPLE_FILE} to ${DEPLOY_CONFIG_FILE} and fill it in`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DeployConfig>;
  return {
    envId: String(raw.envId ?? ''),
    appid: String(raw.appid ?? ''),
    region: String(raw.region ?? 'ap-shanghai'),
    wxpaySubMchId: String(raw.wxpaySubMchId ?? ''),
    templates: { merchantReview: String(raw.templates?.merchantReview ?? ''), orderShipped: String(raw.templates?.orderShipped ?? '') },
    platformAdminOpenids: Array.isArray(raw.platformAdminOpenids) ? raw.platformAdminOpenids.map(String) : [],
    functionEnv: (raw.functionEnv ?? {}) as Record<string, Record<string, string>>,
  };
}

/** Every production setting that is missing or still a sample value, as `field: why`. */
export function configProblems(c: DeployConfig, envId: string): string[] {
  const out: string[] = [];
  const check = (field: string, v: string) => {
    if (!v.trim()) out.push(`${field} is empty`);
    else if (isPlaceholder(v)) out.push(`${field} is the sample value ${JSON.stringify(v)}`);
  };
  check('envId', c.envId);
  if (c.envId && envId && c.envId !== envId) out.push(`envId in the deploy config is ${JSON.stringify(c.envId)} but --env is ${JSON.stringify(envId)}`);
  check('appid', c.appid);
  if (c.appid && !isPlaceholder(c.appid) && !/^wx[0-9a-f]{16}$/.test(c.appid)) out.push(`appid ${JSON.stringify(c.appid)} is not a mini-program appid (wx + 16 hex digits)`);
  check('wxpaySubMchId', c.wxpaySubMchId);
  check('templates.merchantReview', c.templates.merchantReview);
  check('templates.orderShipped', c.templates.orderShipped);
  if (!c.platformAdminOpenids.length) out.push('platformAdminOpenids is empty (name at least one first platform admin)');
  c.platformAdminOpenids.forEach((o, i) => check(`platformAdminOpenids[${i}]`, o));
  const names = new Set(functionManifests().map((f) => f.name));
  for (const [fn, vars] of Object.entries(c.functionEnv)) {
    if (!names.has(fn)) out.push(`functionEnv.${fn}: no such function`);
    for (const [k, v] of Object.entries(vars ?? {})) {
      if (k === LOCAL_ONLY_SETTING) out.push(`functionEnv.${fn}.${k}: only the local emulator may use sample settings (server/settings.ts)`);
      else check(`functionEnv.${fn}.${k}`, String(v));
    }
  }
  return out;
}

/** Lets a function fall back to sample settings (server/settings.ts): the local emulator's, never deployed. */
export const LOCAL_ONLY_SETTING = 'CLOUDMALL_ALLOW_SAMPLE_SETTINGS';

/** The environment variables deploy sets on `fn` (without the bundle hash). */
export function functionEnv(fn: FunctionManifest, c: DeployConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of fn.envNames) env[k] = FUNCTION_ENV[k].from(c);
  return { ...env, ...(c.functionEnv[fn.name] ?? {}) };
}

/** The file deploy writes so the mini-program calls the deployed env (miniprogram/config/cloud-env.ts). */
export const CLOUD_ENV_FILE = 'miniprogram/config/cloud-env.ts';

/**
 * That file: the env id, and the subscribe-message template ids the mini-program asks shoppers to
 * accept (the same the functions send with, from the deploy config).
 */
export function cloudEnvSource(envId: string, templates: DeployConfig['templates']): string {
  const id = (v: string) => v.replace(/[^A-Za-z0-9_-]/g, '');
  return (
    `export const CLOUD_ENV_ID: string = '${id(envId)}';\n` +
    `export const CLOUD_SUBSCRIBE_TEMPLATES: { merchantReview: string; orderShipped: string } = { merchantReview: '${id(templates.merchantReview)}', orderShipped: '${id(templates.orderShipped)}' };\n`
  );
}
