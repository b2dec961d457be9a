/**
 * The only code in the mini-program that calls cloud functions. Pages call the feature services
 * (`services/catalog.ts`, ...), which call {@link callFunction}.
 */
import { resolveEnv } from '../config/env';
import type { ActionName, FunctionName, PayloadOf, Result, ResultOf } from './contracts';
import { loadLocalModule } from './local-module';
import { clientFailure, isResultEnvelope } from './result';
import { isTransportError, type Transport, TransportError } from './transport';
import { wxCloudTransport } from './wx-cloud-transport';

let injectedTransport: Transport | null = null;

/**
 * Replaces the transport chosen from `config/env.ts`; `null` restores it. For tests: a stub, or a
 * transport that forwards to a running emulator.
 */
export function setTransport(transport: Transport | null): void {
  injectedTransport = transport;
}

/** Cloud mode, or (development only, see config/env.ts) the local emulator's gateway. */
function activeTransport(): Transport {
  if (injectedTransport) return injectedTransport;
  const env = resolveEnv();
  if (env.mode === 'cloud') return wxCloudTransport;
  const local = loadLocalModule(() => require('../local/gateway-transport') as typeof import('../local/gateway-transport'));
  if (!local) return async () => Promise.reject(new TransportError('NETWORK', 'local mode is not in this build'));
  return local.localGatewayTransport(env);
}

/**
 * Calls `action` on cloud function `name` and returns its result envelope. Never throws: a failed
 * transport becomes `{ok: false, error: {code: 'NETWORK' | 'FUNCTION_FAILED'}}` and an answer
 * that is not an envelope becomes `BAD_RESPONSE`.
 */
export async function callFunction<N extends FunctionName, A extends ActionName<N>>(
  name: N,
  action: A,
  payload: PayloadOf<N, A>,
): Promise<Result<ResultOf<N, A>>> {
  let answer: unknown;
  try {
    // Every payload in FunctionApi is an object; the generic type alone cannot show it.
    const data = { ...(payload as Record<string, unknown>), action };
    answer = await activeTransport()({ name, data });
  } catch (failure) {
    const code = isTransportError(failure) ? failure.code : 'NETWORK';
    console.warn(`[services] ${name}.${action} failed (${code}):`, failure);
    return clientFailure(code);
  }
  if (isResultEnvelope(answer)) return answer as Result<ResultOf<N, A>>;
  console.warn(`[services] ${name}.${action} answered without a result envelope:`, answer);
  return clientFailure('BAD_RESPONSE');
}
