import fs from 'node:fs';
import path from 'node:path';

export interface TimerTrigger {
  name: string;
  /** CloudBase's 7-field cron: second minute hour day month weekday year, in UTC+8. */
  config: string;
}

export interface FunctionDef {
  name: string;
  dir: string;
  file: string;
  /** Execution limit in milliseconds (config.json `timeout` in seconds; CloudBase's default is 3 s). */
  timeoutMs: number;
  timers: TimerTrigger[];
  permissions: { openapi: string[] };
  /** The function's environment variables (set through the management API, see src/tcapi). */
  env: Record<string, string>;
}

export const DEFAULT_TIMEOUT_S = 3;
export const MAX_TIMEOUT_S = 60;

interface ConfigJson {
  timeout?: number;
  triggers?: Array<{ name?: string; type?: string; config?: string }>;
  permissions?: { openapi?: string[] };
  environment?: Record<string, string>;
}

/**
 * Finds deployable functions: every folder of `root` with an `index.js` (the built bundle).
 * Reads `config.json` for the timeout, timer triggers and openapi permissions, as CloudBase does.
 */
export function scanFunctions(root: string): Map<string, FunctionDef> {
  const out = new Map<string, FunctionDef>();
  if (!fs.existsSync(root)) return out;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const file = path.join(dir, 'index.js');
    if (!fs.existsSync(file)) continue;
    let cfg: ConfigJson = {};
    const cfgPath = path.join(dir, 'config.json');
    if (fs.existsSync(cfgPath)) {
      try {
        cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8')) as ConfigJson;
      } catch (e) {
        throw new Error(`${cfgPath}: invalid JSON: ${(e as Error).message}`);
      }
    }
    const timeoutS = Math.min(Math.max(Number(cfg.timeout ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S, 1), MAX_TIMEOUT_S);
    const timers = (cfg.triggers ?? [])
      .filter((t) => t.type === 'timer' && typeof t.config === 'string')
      .map((t) => ({ name: t.name ?? 'timer', config: t.config as string }));
    out.set(entry.name, { name: entry.name, dir, file, timeoutMs: timeoutS * 1000, timers, permissions: { openapi: cfg.permissions?.openapi ?? [] }, env: { ...cfg.environment } });
  }
  return out;
}
