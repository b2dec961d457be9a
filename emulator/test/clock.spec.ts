/**
 * A pinned clock (`--clock`, `--freeze-clock`): a run that gives the same answers on any date.
 * Functions, `serverDate`, timers and the control API all agree on the pinned time.
 */
import { Clock, parseClockStart } from '../src/clock';
import { type RunningEmulator, realSdk, startEmulator, type WxServerSdk } from './support/harness';

const PINNED = Date.parse('2026-06-08T10:00:00+08:00');

describe('Clock', () => {
  it('follows the machine by default', () => {
    const clock = new Clock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
    expect(clock.frozen).toBe(false);
  });

  it('starts at a pinned instant and runs on from there', async () => {
    const clock = new Clock({ start: PINNED });
    const first = clock.now();
    expect(first - PINNED).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBeGreaterThan(first);
  });

  it('frozen, moves only by advance() and one millisecond per tick()', async () => {
    const clock = new Clock({ start: PINNED, frozen: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBe(PINNED);
    expect(clock.tick()).toBe(PINNED + 1);
    expect(clock.tick()).toBe(PINNED + 2);
    expect(clock.advance(60_000)).toBe(PINNED + 60_002);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('reads a start as epoch ms or an ISO date-time with its zone, nothing else', () => {
    expect(parseClockStart(String(PINNED))).toBe(PINNED);
    expect(parseClockStart('2026-06-08T10:00:00+08:00')).toBe(PINNED);
    expect(parseClockStart('2026-06-08T02:00:00Z')).toBe(PINNED);
    // without a zone the machine's time zone would decide: refused
    expect(() => parseClockStart('2026-06-08T10:00:00')).toThrow(/with a zone/);
    expect(() => parseClockStart('tomorrow')).toThrow(RangeError);
  });
});

describe('an emulator started with --clock and --freeze-clock', () => {
  let emu: RunningEmulator;
  let cloud: WxServerSdk;

  beforeAll(async () => {
    emu = await startEmulator({ workers: 2, timers: false, clock: { start: PINNED, frozen: true } });
    cloud = realSdk(emu.adminUrl);
    await emu.control('/_emulator/db/collections', { name: 'stamps' });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('reports the pinned instant on its control API', async () => {
    const clock = await emu.control('/_emulator/clock');
    expect(clock).toMatchObject({ frozen: true });
    expect(clock.now - PINNED).toBeGreaterThanOrEqual(0);
    expect(clock.now - PINNED).toBeLessThan(1000);
  });

  it('gives each invocation its own instant, one millisecond after the last, for its whole run', async () => {
    const a = (await cloud.callFunction({ name: 'whoami', data: { waitMs: 30 } })).result;
    const b = (await cloud.callFunction({ name: 'whoami', data: {} })).result;
    expect(a.now).toBeGreaterThan(PINNED);
    expect(a.newDate).toBe(a.now);
    expect(b.now).toBe(a.now + 1);
    expect(b.isDate).toBe(true);
  });

  it('writes serverDate at the pinned time and moves only when told to', async () => {
    const before = (await emu.control('/_emulator/clock')).now;
    await cloud.database().collection('stamps').add({ data: { _id: 'one', at: cloud.database().serverDate() } });
    const { data } = await cloud.database().collection('stamps').doc('one').get();
    expect(data.at.getTime()).toBe(before);
    // advancing fires the fixture's minute timer once, which takes its own millisecond
    const moved = await emu.control('/_emulator/clock/advance', { ms: 8 * 86_400_000 });
    expect(moved.fired).toHaveLength(1);
    expect(moved.now).toBe(before + 8 * 86_400_000 + 1);
    const after = (await cloud.callFunction({ name: 'whoami', data: {} })).result;
    expect(after.now).toBe(moved.now + 1);
  });
});
