const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The mall does business in Beijing time (UTC+8, no daylight saving), whatever the phone's zone. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const beijing = (ms: number) => new Date(ms + BEIJING_OFFSET_MS);

/** "2026-03-08 14:05" in Beijing time. */
export function formatDateTime(ms: number): string {
  const d = beijing(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-03-08" in Beijing time. */
export function formatDate(ms: number): string {
  const d = beijing(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
