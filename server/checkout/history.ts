import type { HistoryEntry } from '../model';

/** The order history keeps the latest entries only (the schema allows 100). */
const MAX_HISTORY = 50;

/** Appends an event to an order's history (written whole inside transactions, so no `_.push`). */
export function withEvent(history: HistoryEntry[], event: string, at: number, extra: { by?: string; note?: string } = {}): HistoryEntry[] {
  const entry: HistoryEntry = { event, at: new Date(at), ...(extra.by ? { by: extra.by } : {}), ...(extra.note ? { note: extra.note.slice(0, 200) } : {}) };
  return [...history, entry].slice(-MAX_HISTORY);
}
