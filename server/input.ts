/** JSON Schema fragments for action payloads. */
export const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const ids = (max: number) => ({ type: 'array', items: id, minItems: 1, maxItems: max }) as const;
export const quantity = { type: 'integer', minimum: 1, maximum: 999 } as const;
export const fen = { type: 'integer', minimum: 0, maximum: 100_000_000_00 } as const;
export const cursor = { type: 'string', maxLength: 200 } as const;
export const pageSize = { type: 'integer', minimum: 1, maximum: 50 } as const;
export const empty = { type: 'object', additionalProperties: false, properties: {} } as const;

export function obj(properties: Record<string, object>, required: string[] = []): object {
  return { type: 'object', additionalProperties: false, properties, required };
}

/** Offset cursors: opaque to the client, validated here. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number.parseInt(cursor, 36);
  return Number.isInteger(n) && n >= 0 && n < 100_000 ? n : 0;
}

export function nextCursor(offset: number, got: number, pageSize: number): string | null {
  return got < pageSize ? null : (offset + got).toString(36);
}
