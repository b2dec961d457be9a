import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realSdk, startEmulator } from './support/harness';

// Requests cut off by the kill leave the SDK's "request is longer than 3s" warning timers behind.
// They fire 3 s after each request started, so wait them out while the warning is muted.
beforeAll(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
afterAll(() => new Promise((r) => setTimeout(r, 3200)));

test('every write the SDK saw acknowledged survives kill -9 of the emulator', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-durable-'));
  let emu = await startEmulator({ dataDir, timers: false, workers: 1 });
  const cloud = realSdk(emu.adminUrl);
  const db = cloud.database();
  const _ = db.command;
  await db.createCollection('durable');
  await db.collection('durable').add({ data: { _id: 'counter', n: 0 } });

  // Keep writing until the kill; record only what was acknowledged before it.
  const acked: string[] = [];
  let incs = 0;
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const { _id } = await db.collection('durable').add({ data: { w, i, at: db.serverDate() } });
        acked.push(_id);
        await db.collection('durable').doc('counter').update({ data: { n: _.inc(1) } });
        incs++;
      } catch {
        return; // the emulator is gone
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await new Promise((r) => setTimeout(r, 800));
  await emu.kill();
  stop = true;
  await Promise.all(writers);
  expect(acked.length).toBeGreaterThan(20);

  // Same data folder, new process, same port is not needed: re-point the SDK via a fresh emulator URL.
  emu = await startEmulator({ dataDir, timers: false, workers: 1 });
  const res = await fetch(`${emu.adminUrl}?env=local-env`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.getDocument', collectionName: 'durable', queryType: 'WHERE', query: '{}', limit: 1000 }),
  });
  const docs = ((await res.json()) as { data: { list: string[] } }).data.list.map((t) => JSON.parse(t));
  const present = new Set(docs.map((d: { _id: string }) => d._id));
  for (const id of acked) expect(present.has(id)).toBe(true);
  const counter = docs.find((d: { _id: string }) => d._id === 'counter');
  // every acknowledged increment is there (one more may have committed without its answer arriving)
  expect(Number(counter.n.$numberInt ?? counter.n)).toBeGreaterThanOrEqual(incs);
  expect(Number(counter.n.$numberInt ?? counter.n)).toBeLessThanOrEqual(incs + 4);
  await emu.stop();
});

test('SIGTERM stops the emulator cleanly', async () => {
  const emu = await startEmulator({ timers: false, workers: 1 });
  expect(await emu.stop()).toBe(0);
  expect(emu.output()).toContain('SIGTERM: stopping');
});
