import type { ClientErrorCode, Result } from './contracts';

/** What the user reads when the service layer itself failed; server messages pass through as-is. */
export const CLIENT_ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK: '网络开小差了，请检查网络后重试',
  FUNCTION_FAILED: '服务暂时不可用，请稍后重试',
  BAD_RESPONSE: '服务返回了无法识别的数据，请稍后重试',
};

export function clientFailure(code: ClientErrorCode): Result<never> {
  return { ok: false, error: { code, message: CLIENT_ERROR_MESSAGES[code] } };
}

/** Checks the shape every cloud function returns: `{ok: true, data}` or `{ok: false, error: {code, message}}`. */
export function isResultEnvelope(value: unknown): value is Result<unknown> {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (candidate.ok === true) return 'data' in candidate;
  if (candidate.ok !== false || !candidate.error || typeof candidate.error !== 'object') return false;
  const { code, message } = candidate.error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}
