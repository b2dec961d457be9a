/**
 * Structured log events, one JSON line each, so CloudBase's log search (and the emulator's
 * output) can filter by event name.
 */
export function logEvent(event: string, detail: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ event, ...detail }));
}
