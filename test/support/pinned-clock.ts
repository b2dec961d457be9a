/**
 * The instant that screenshots and page tests run at, whatever the machine's date: Monday
 * 2026-06-08 10:00 in Beijing, a week after the demo data's shops opened (scripts/demo). The
 * emulator of such a run starts frozen at this instant (emulator/src/clock.ts) and the pages'
 * `Date` is fixed to the emulator's clock, so a commit renders the same pictures next year.
 */
export const PINNED_NOW = Date.parse('2026-06-08T10:00:00+08:00');

/** The emulator options of a pinned run: starts at PINNED_NOW and stands still. */
export const PINNED_CLOCK = { start: PINNED_NOW, frozen: true } as const;
