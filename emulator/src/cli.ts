#!/usr/bin/env node
/**
 * `npm run emulator -- --port 9000 --data .data/emulator [--functions cloudfunctions] [--env local-env] [--parity production]`
 *   [--clock 2026-06-01T10:00:00+08:00] [--freeze-clock]
 * Prints a line containing `ready` once it accepts requests; stops cleanly on SIGTERM/SIGINT.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseClockStart } from './clock';
import { Emulator } from './emulator';
import { resolveParity } from './functions/parity';

// The SDK running inside functions must never reach Tencent Cloud from here.
process.env.TENCENTCLOUD_SECRETID ||= 'local-emulator-secret-id';
process.env.TENCENTCLOUD_SECRETKEY ||= 'local-emulator-secret-key';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.data/emulator' },
      functions: { type: 'string', default: 'cloudfunctions' },
      env: { type: 'string', default: 'local-env' },
      workers: { type: 'string', default: '4' },
      'no-timers': { type: 'boolean', default: false },
      clock: { type: 'string' },
      'freeze-clock': { type: 'boolean', default: false },
      parity: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: emulator --port <port> --data <dir> [--functions <dir>] [--env <id>] [--workers <n>] [--no-timers] [--parity production|off] [--clock <epoch ms | ISO date-time>] [--freeze-clock] [--verbose]');
    return;
  }
  const port = Number(values.port);
  const workers = Number(values.workers);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`bad --workers ${values.workers}`);
  const emulator = new Emulator({
    port,
    host: values.host,
    dataDir: path.resolve(values.data!),
    functionsDir: path.resolve(values.functions!),
    env: values.env,
    workers,
    timers: !values['no-timers'],
    clock: { start: values.clock === undefined ? undefined : parseClockStart(values.clock), frozen: values['freeze-clock'] },
    // --parity production (or EMULATOR_PARITY=production): run functions as production may
    parity: resolveParity(values.parity),
    log: (event, detail) => {
      if (values.verbose || event.endsWith('error') || event === 'timer_fired') console.log(`[emulator] ${event} ${detail ? JSON.stringify(detail) : ''}`);
    },
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[emulator] ${signal}: stopping`);
    await emulator.stop();
    process.exit(0);
  };
  // Handlers go in before `ready` is printed: a supervisor may signal as soon as it reads it.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const url = await emulator.start();
  console.log(`[emulator] ready ${url}/admin env=${emulator.env} functions=${emulator.runtime.list().length} parity=${emulator.parity} data=${path.resolve(values.data!)}`);
}

main().catch((e) => {
  console.error(`[emulator] failed to start: ${(e as Error).message}`);
  process.exit(1);
});
