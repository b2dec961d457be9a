/**
 * The Tencent Cloud API actions `@cloudbase/manager-node` calls to deploy and inspect an env,
 * applied to the emulator itself: collections and indexes go into its database, functions are
 * unpacked from the uploaded zip into `<data>/tcapi/functions/<name>` and run by its function
 * runtime with their timeout, environment variables and timer triggers; security rules and the
 * storage rule are recorded (the emulator does not enforce them: clients reach it only through
 * the function gateway). Shapes follow the tcb (2018-06-08) and scf (2018-04-16) API docs and what
 * manager-node 5.6.5 reads from them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { IndexSpec } from '../db/indexes';
import type { Store } from '../db/store';
import type { FunctionRuntime } from '../functions/runtime';
import type { TimerScheduler } from '../timers/scheduler';
import { unzip } from './unzip';

export class TcApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface FunctionState {
  FunctionName: string;
  Runtime: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  Environment: Array<{ Key: string; Value: string }>;
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string; AddTime: string; ModTime: string; Enable: number }>;
  Status: string;
  StatusReasons: Array<{ ErrorCode: string; ErrorMessage: string }>;
  ModTime: string;
  AddTime: string;
  InstallDependency: string;
}

interface State {
  permissions: Record<string, { Permission: string; SecurityRule?: string }>;
  storage: { AclTag: string; Rule?: string };
  functions: Record<string, FunctionState>;
}

export interface TcApiDeps {
  env: string;
  dataDir: string;
  store: Store;
  clock: Clock;
  runtime: FunctionRuntime;
  timers: TimerScheduler;
}

/** CloudBase's default for a new collection: the creator may read and write (not deny-all). */
export const DEFAULT_COLLECTION_PERMISSION = 'PRIVATE';
/** CloudBase's default storage permission: everyone reads, the creator writes. */
export const DEFAULT_STORAGE_ACL = 'READONLY';
const DEFAULT_TIMEOUT_S = 3;
const APP_ID = '1250000000';

type Params = Record<string, any>;
export type ServiceActions = Record<string, (p: Params) => unknown | Promise<unknown>>;

function str(p: Params, k: string): string {
  const v = p[k];
  if (typeof v !== 'string' || !v) throw new TcApiError('InvalidParameter', `${k} is required`);
  return v;
}

export function deployedFunctionsDir(dataDir: string): string {
  return path.join(dataDir, 'tcapi', 'functions');
}

/** The state of the stand-in: the management-API view of the env, kept in `<data>/tcapi/state.json`. */
export class TcApiState {
  private readonly file: string;
  state: State;

  constructor(private readonly d: TcApiDeps) {
    this.file = path.join(d.dataDir, 'tcapi', 'state.json');
    this.state = fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as State) : { permissions: {}, storage: { AclTag: DEFAULT_STORAGE_ACL }, functions: {} };
  }

  save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(this.state, null, 2));
  }

  private now(): string {
    return new Date(this.d.clock.now() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  }

  private checkEnv(p: Params): void {
    const env = p.EnvId ?? p.Namespace;
    if (env !== undefined && env !== this.d.env) throw new TcApiError('ResourceNotFound', `env ${String(env)} not found (this emulator is ${this.d.env})`);
  }

  private fn(p: Params): FunctionState {
    this.checkEnv(p);
    const f = this.state.functions[str(p, 'FunctionName')];
    if (!f) throw new TcApiError('ResourceNotFound.Function', `function ${String(p.FunctionName)} does not exist`);
    return f;
  }

  private collection(p: Params): string {
    this.checkEnv(p);
    const name = str(p, 'TableName');
    if (!this.d.store.hasCollection(name)) throw new TcApiError('ResourceNotFound', `collection ${name} does not exist`);
    return name;
  }

  /** Writes a function's code and its platform settings where the runtime reads them, and reloads. */
  private materialize(name: string, zip?: Buffer): void {
    const dir = path.join(deployedFunctionsDir(this.d.dataDir), name);
    const f = this.state.functions[name];
    if (zip) {
      const entries = unzip(zip);
      fs.rmSync(dir, { recursive: true, force: true });
      for (const e of entries) {
        fs.mkdirSync(path.dirname(path.join(dir, e.name)), { recursive: true });
        fs.writeFileSync(path.join(dir, e.name), e.data);
      }
      f.StatusReasons = [];
      if (f.InstallDependency === 'TRUE') this.installDependencies(dir, f);
      f.Status = f.StatusReasons.length ? 'CreateFailed' : 'Active';
    }
    if (!fs.existsSync(dir)) return;
    // SCF ignores an uploaded config.json's timeout and triggers: they come from this API. The
    // emulator's runtime reads them from config.json, so the stand-in writes what the API set.
    const cfgPath = path.join(dir, 'config.json');
    const uploaded = fs.existsSync(path.join(dir, '.uploaded-config.json'))
      ? JSON.parse(fs.readFileSync(path.join(dir, '.uploaded-config.json'), 'utf8'))
      : fs.existsSync(cfgPath)
        ? JSON.parse(fs.readFileSync(cfgPath, 'utf8'))
        : {};
    if (zip) fs.writeFileSync(path.join(dir, '.uploaded-config.json'), JSON.stringify(uploaded));
    const cfg = {
      ...uploaded,
      timeout: f.Timeout,
      triggers: f.Triggers.map((t) => ({ name: t.TriggerName, type: t.Type, config: cronOf(t.TriggerDesc) })),
      environment: Object.fromEntries(f.Environment.map((v) => [v.Key, v.Value])),
    };
    fs.writeFileSync(cfgPath, JSON.stringify(cfg, null, 2));
    this.d.runtime.reload();
    this.d.timers.reload();
  }

  /** "Cloud install" of the function's package.json dependencies: the emulator's own copy, when the pinned version matches. */
  private installDependencies(dir: string, f: FunctionState): void {
    const pkgPath = path.join(dir, 'package.json');
    if (!fs.existsSync(pkgPath)) return;
    const deps = (JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
    for (const [dep, want] of Object.entries(deps)) {
      let found: string | undefined;
      try {
        found = path.dirname(require.resolve(`${dep}/package.json`));
      } catch {
        found = undefined;
      }
      const have = found ? (JSON.parse(fs.readFileSync(path.join(found, 'package.json'), 'utf8')) as { version: string }).version : undefined;
      if (!found || have !== want) {
        f.StatusReasons.push({ ErrorCode: 'InstallDependencyFailed', ErrorMessage: `${dep}@${want}: the emulator has ${have ?? 'no copy'}` });
        continue;
      }
      const link = path.join(dir, 'node_modules', dep);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(found, link, 'dir');
    }
  }

  private zipOf(p: Params): Buffer {
    const code = p.Code ?? {};
    if (typeof code.ZipFile !== 'string' || !code.ZipFile) throw new TcApiError('InvalidParameterValue.Code', 'the stand-in takes code as Code.ZipFile (deployMode zip); COS uploads are not emulated');
    return Buffer.from(code.ZipFile, 'base64');
  }

  private applyConfig(f: FunctionState, p: Params): void {
    if (p.Timeout !== undefined) {
      const t = Number(p.Timeout);
      if (!Number.isInteger(t) || t < 1 || t > 900) throw new TcApiError('InvalidParameterValue.Timeout', `Timeout ${String(p.Timeout)} is not 1-900`);
      f.Timeout = t;
    }
    if (p.MemorySize !== undefined) f.MemorySize = Number(p.MemorySize);
    if (p.Environment?.Variables) f.Environment = (p.Environment.Variables as Array<{ Key: string; Value: string }>).map((v) => ({ Key: String(v.Key), Value: String(v.Value ?? '') }));
  }

  tcb(): ServiceActions {
    return {
      DescribeEnvInfo: (p) => {
        this.checkEnv(p);
        return {
          EnvInfo: {
            EnvBaseInfo: {
              EnvId: this.d.env,
              Alias: this.d.env,
              Status: 'NORMAL',
              Region: 'ap-shanghai',
              Databases: [{ InstanceId: `tnt-${this.d.env}`, Status: 'RUNNING', Region: 'ap-shanghai' }],
              Storages: [{ Region: 'ap-shanghai', Bucket: `${this.d.env}-${APP_ID}`, AppId: APP_ID }],
              Functions: [{ Namespace: this.d.env, Region: 'ap-shanghai' }],
              LogServices: [],
              CustomLogServices: [],
            },
            UserInfo: { AppId: APP_ID },
          },
        };
      },
      ListTables: (p) => {
        this.checkEnv(p);
        const names = this.d.store.collectionNames();
        const offset = Number(p.MgoOffset ?? 0);
        const limit = Number(p.MgoLimit ?? 100);
        return {
          Tables: names.slice(offset, offset + limit).map((n) => ({ TableName: n, Count: this.d.store.all(n).length, Size: 0, IndexCount: this.d.store.indexSpecs(n).length + 1, IndexSize: 0 })),
          Pager: { Offset: offset, Limit: limit, Total: names.length },
        };
      },
      DescribeTable: (p) => {
        const name = this.collection(p);
        const specs = this.d.store.indexSpecs(name);
        const idIndex = { Name: '_id_', Size: 0, Unique: true, Keys: [{ Name: '_id', Direction: '1' }], Accesses: { Ops: 0, Since: '' } };
        const indexes = [idIndex, ...specs.map((s) => ({ Name: s.name, Size: 0, Unique: s.unique === true, Keys: s.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })), Accesses: { Ops: 0, Since: '' } }))];
        return { Indexes: indexes, IndexNum: indexes.length };
      },
      CreateTable: (p) => {
        this.checkEnv(p);
        const name = str(p, 'TableName');
        if (!this.d.store.createCollection(name, this.d.clock.now())) throw new TcApiError('ResourceInUse', `collection ${name} already exists`);
        return {};
      },
      UpdateTable: (p) => {
        const name = this.collection(p);
        for (const d of (p.DropIndexes ?? []) as Array<{ IndexName: string }>) this.d.store.dropIndex(name, String(d.IndexName));
        for (const c of (p.CreateIndexes ?? []) as Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique?: boolean } }>) {
          const spec: IndexSpec = {
            name: String(c.IndexName),
            keys: (c.MgoKeySchema?.MgoIndexKeys ?? []).map((k) => ({ field: String(k.Name), direction: String(k.Direction) === '-1' ? -1 : 1 })),
            unique: c.MgoKeySchema?.MgoIsUnique === true,
            sparse: false,
          };
          if (!spec.keys.length) throw new TcApiError('InvalidParameter', `index ${spec.name} has no keys`);
          if (this.d.store.indexSpecs(name).some((s) => s.name === spec.name)) throw new TcApiError('ResourceInUse', `index ${spec.name} already exists on ${name}`);
          this.d.store.ensureIndex(name, spec);
        }
        return {};
      },
      DescribeResourcePermission: (p) => {
        this.checkEnv(p);
        if (p.ResourceType !== 'collection') throw new TcApiError('UnsupportedOperation', `ResourceType ${String(p.ResourceType)} is not emulated`);
        const names: string[] = Array.isArray(p.Resources) ? p.Resources.map(String) : this.d.store.collectionNames();
        const list = names
          .filter((n) => this.d.store.hasCollection(n))
          .map((n) => ({ ResourceType: 'collection', Resource: n, Permission: this.state.permissions[n]?.Permission ?? DEFAULT_COLLECTION_PERMISSION, SecurityRule: this.state.permissions[n]?.SecurityRule ?? '' }));
        return { Data: { TotalCount: list.length, PermissionList: list } };
      },
      ModifyResourcePermission: (p) => {
        this.checkEnv(p);
        if (p.ResourceType !== 'collection') throw new TcApiError('UnsupportedOperation', `ResourceType ${String(p.ResourceType)} is not emulated`);
        const name = str(p, 'Resource');
        if (!this.d.store.hasCollection(name)) throw new TcApiError('ResourceNotFound', `collection ${name} does not exist`);
        const permission = str(p, 'Permission');
        if (permission === 'CUSTOM') JSON.parse(str(p, 'SecurityRule'));
        this.state.permissions[name] = { Permission: permission, ...(permission === 'CUSTOM' ? { SecurityRule: String(p.SecurityRule) } : {}) };
        this.save();
        return { Success: true };
      },
      DescribeStorageSafeRule: (p) => {
        this.checkEnv(p);
        return { AclTag: this.state.storage.AclTag, Rule: this.state.storage.Rule ?? '' };
      },
      ModifyStorageSafeRule: (p) => {
        this.checkEnv(p);
        const acl = str(p, 'AclTag');
        if (acl === 'CUSTOM') JSON.parse(str(p, 'Rule'));
        this.state.storage = { AclTag: acl, ...(acl === 'CUSTOM' ? { Rule: String(p.Rule) } : {}) };
        this.save();
        return {};
      },
    };
  }

  scf(): ServiceActions {
    return {
      GetFunction: (p) => {
        const f = this.fn(p);
        return { ...f, Environment: { Variables: f.Environment }, Namespace: this.d.env, CodeSize: 0, Description: '', Type: 'Event' };
      },
      CreateFunction: (p) => {
        this.checkEnv(p);
        const name = str(p, 'FunctionName');
        if (this.state.functions[name]) throw new TcApiError('ResourceInUse.Function', `function ${name} already exists`);
        const zip = this.zipOf(p);
        const now = this.now();
        const f: FunctionState = {
          FunctionName: name,
          Runtime: String(p.Runtime ?? 'Nodejs20.19'),
          Handler: String(p.Handler ?? 'index.main'),
          Timeout: DEFAULT_TIMEOUT_S,
          MemorySize: 256,
          Environment: [],
          Triggers: [],
          Status: 'Creating',
          StatusReasons: [],
          ModTime: now,
          AddTime: now,
          InstallDependency: String(p.InstallDependency ?? 'FALSE'),
        };
        if (f.Handler !== 'index.main') throw new TcApiError('InvalidParameterValue.Handler', `the stand-in runs index.main, not ${f.Handler}`);
        this.applyConfig(f, p);
        this.state.functions[name] = f;
        this.materialize(name, zip);
        this.save();
        return {};
      },
      UpdateFunctionCode: (p) => {
        const f = this.fn(p);
        if (p.InstallDependency !== undefined) f.InstallDependency = String(p.InstallDependency);
        f.ModTime = this.now();
        this.materialize(f.FunctionName, this.zipOf(p));
        this.save();
        return {};
      },
      UpdateFunctionConfiguration: (p) => {
        const f = this.fn(p);
        if (p.Runtime !== undefined && p.Runtime !== f.Runtime) throw new TcApiError('InvalidParameterValue.Runtime', 'Runtime can only be set when the function is created');
        this.applyConfig(f, p);
        f.ModTime = this.now();
        this.materialize(f.FunctionName);
        this.save();
        return {};
      },
      BatchCreateTrigger: (p) => {
        const f = this.fn(p);
        const triggers = JSON.parse(str(p, 'Triggers')) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
        for (const t of triggers) {
          if (t.Type !== 'timer') throw new TcApiError('UnsupportedOperation', `trigger type ${t.Type} is not emulated`);
          if (f.Triggers.some((x) => x.TriggerName === t.TriggerName)) throw new TcApiError('ResourceInUse.Trigger', `trigger ${t.TriggerName} already exists`);
          if (String(t.TriggerDesc).trim().split(/\s+/).length !== 7) throw new TcApiError('InvalidParameterValue.TriggerDesc', `timer ${t.TriggerName}: cron must have 7 fields`);
        }
        const now = this.now();
        for (const t of triggers) f.Triggers.push({ TriggerName: t.TriggerName, Type: 'timer', TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }), AddTime: now, ModTime: now, Enable: 1 });
        this.materialize(f.FunctionName);
        this.save();
        return { Result: triggers.map((t) => ({ TriggerName: t.TriggerName, Type: 'timer' })) };
      },
      DeleteTrigger: (p) => {
        const f = this.fn(p);
        const name = str(p, 'TriggerName');
        if (!f.Triggers.some((t) => t.TriggerName === name)) throw new TcApiError('ResourceNotFound.Trigger', `trigger ${name} does not exist`);
        f.Triggers = f.Triggers.filter((t) => t.TriggerName !== name);
        this.materialize(f.FunctionName);
        this.save();
        return {};
      },
      Invoke: async (p) => {
        const f = this.fn(p);
        let event: unknown = {};
        if (typeof p.ClientContext === 'string' && p.ClientContext) event = JSON.parse(p.ClientContext);
        // An API invocation: the stand-in gives it SOURCE `scf` (what production sets for it is not documented).
        const r = await this.d.runtime.invoke(f.FunctionName, event, { source: 'scf' });
        return {
          Result: {
            FunctionRequestId: `tcapi-${Date.now()}`,
            Duration: r.durationMs,
            BillDuration: r.durationMs,
            MemUsage: 0,
            InvokeResult: r.error ? 1 : 0,
            RetMsg: r.error ? '' : JSON.stringify(r.result ?? null),
            ErrMsg: r.error ? r.error.message : '',
            Log: '',
          },
        };
      },
    };
  }
}

/** The cron of a timer trigger as GetFunction shows it (`{"cron": "..."}`) or as it was given. */
export function cronOf(desc: string): string {
  try {
    const v = JSON.parse(desc) as { cron?: string };
    if (v && typeof v.cron === 'string') return v.cron;
  } catch {
    /* a bare cron */
  }
  return desc;
}
