import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSdk } from '../../src/sdk-env';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'emulator/dist/cli.js');
export const FIXTURE_FUNCTIONS = path.join(ROOT, 'emulator/test/fixtures/functions');

export interface RunningEmulator {
  url: string;
  adminUrl: string;
  dataDir: string;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL (no chance to flush anything) and wait for exit. */
  kill(): Promise<void>;
  control<T = any>(route: string, body?: unknown): Promise<T>;
}

export interface StartOptions {
  dataDir?: string;
  functionsDir?: string;
  workers?: number;
  timers?: boolean;
  env?: Record<string, string>;
  /** Pins the emulated clock (`--clock`, `--freeze-clock`). */
  clock?: { start: number; frozen?: boolean };
  /**
   * `production` runs functions as production may (emulator/src/functions/parity.ts). Default `off`,
   * whatever EMULATOR_PARITY says: the fixture `tick` reads SOURCE from getWXContext(), as DevTools shows it.
   */
  parity?: 'production' | 'off';
}

/** Starts the built emulator CLI on a free port, exactly as `npm run emulator` does. */
export async function startEmulator(opts: StartOptions = {}): Promise<RunningEmulator> {
  if (!fs.existsSync(CLI)) throw new Error('emulator/dist/cli.js missing: run `node scripts/build.js` (jest globalSetup does)');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cb-emu-'));
  const args = [CLI, '--port', '0', '--data', dataDir, '--functions', opts.functionsDir ?? FIXTURE_FUNCTIONS, '--workers', String(opts.workers ?? 4)];
  if (opts.timers === false) args.push('--no-timers');
  if (opts.clock) args.push('--clock', String(opts.clock.start), ...(opts.clock.frozen ? ['--freeze-clock'] : []));
  args.push('--parity', opts.parity ?? 'off');
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not print ready in 15 s:\n${out}`)), 15_000);
    const check = () => {
      const m = /ready (http:\/\/[^\s/]+)\/admin/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => reject(new Error(`emulator exited with ${code}:\n${out}`)));
  });
  // a data folder the harness made is removed once the emulator is gone
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return {
    url,
    adminUrl: `${url}/admin`,
    dataDir,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
    async control<T>(route: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${route}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as T;
      if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

/** Raw CloudBase API call, as the SDK would make it. */
export async function callAdmin(adminUrl: string, body: unknown): Promise<any> {
  const res = await fetch(`${adminUrl}?env=local-env`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return res.json();
}

/**
 * The SDK's typings return unions with its callback-style overloads (`void | Result`), so tests
 * drive it untyped and assert on what comes back.
 */
export type WxServerSdk = any;

/**
 * Points the real, unmodified wx-server-sdk at `adminUrl` (through the env var production leaves unset)
 * and returns it. Call once per test file: jest gives each file its own module registry and env.
 */
export function realSdk(adminUrl: string, identity: { openid?: string; source?: string } = {}): WxServerSdk {
  return connectSdk(adminUrl, identity);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
