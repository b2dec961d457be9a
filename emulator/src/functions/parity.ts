/**
 * The production-parity switch (`--parity production` or `EMULATOR_PARITY=production`).
 *
 * Off (the default), functions run with the full WeChat context on every invocation, which is what
 * DevTools' local debugging shows. On, they run as production may run them:
 * - timers and WeChat Pay callbacks get an empty `WX_CONTEXT_KEYS`, so `cloud.getWXContext()` is
 *   `{}` (no SOURCE, no OPENID); the platform variables `TCB_SOURCE` and, for timers,
 *   `TRIGGER_SRC=timer` are still set, as CloudBase sets them. Client calls keep their context:
 *   production delivers a caller's OPENID only through it, and every client action needs it.
 * - the emulator process runs in UTC (`TZ=UTC`), as production function instances do. Worker
 *   threads share their process's time zone (a worker's own `TZ` is ignored), so the switch sets
 *   it for the whole emulator process; without the switch functions inherit the process's TZ.
 * - function timeouts are exactly `config.json`'s `timeout` (the platform's 3 s without one), which
 *   is what the runtime applies in both modes and what the deploy manifest sets in production.
 */
export type ParityMode = 'off' | 'production';

export const PARITY_ENV = 'EMULATOR_PARITY';

/** Reads the switch from an explicit option, else from `EMULATOR_PARITY`; anything else is an error. */
export function resolveParity(given: string | undefined, env: NodeJS.ProcessEnv = process.env): ParityMode {
  const raw = given ?? env[PARITY_ENV] ?? '';
  if (raw === '' || raw === 'off') return 'off';
  if (raw === 'production') return 'production';
  throw new RangeError(`${PARITY_ENV} / --parity must be "production" or "off", got ${JSON.stringify(raw)}`);
}

/** `SOURCE` values are call chains (`wx_client,scf`); the last element is the immediate caller. */
export function immediateSource(chain: string): string {
  const parts = chain.split(',').map((s) => s.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/**
 * The callee's `SOURCE` for `cloud.callFunction` from inside a function. The SDK sends
 * `X-TCB-Source: <caller's TCB_SOURCE>,<run environment tag>` (`wx_client,scf` from a client-called
 * function); CloudBase hands that chain to the callee as its `TCB_SOURCE`. A caller outside any
 * function (a script, a test) sends `,scf` and its callee sees `scf`.
 */
export function calleeSource(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  const parts = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts.join(',') : 'scf';
}
