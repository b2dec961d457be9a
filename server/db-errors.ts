/**
 * Recognising database failures that a use case handles itself. The SDK turns CloudBase errors into
 * plain objects (`{errCode, errMsg}`) or Errors depending on the call, so this looks at the text:
 * a duplicate `_id` (or unique key) is reported as `DATABASE_DUPLICATE_WRITE` / MongoDB's `E11000`.
 */
export function isDuplicateKey(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { message, errMsg, code, errCode } = e as Record<string, unknown>;
  const text = [message, errMsg, code, errCode].filter((v) => v !== undefined).map(String).join(' ');
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(text);
}
