/**
 * Pins the wire protocol of the installed wx-server-sdk: captures the request bodies it sends for a
 * fixed set of calls and compares them with the committed fixtures. An SDK upgrade that changes the
 * protocol fails here first. Refresh deliberately with UPDATE_FIXTURES=1 after checking the emulator.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { realSdk } from './support/harness';

const FIXTURE = path.join(__dirname, 'fixtures/protocol/database-and-functions.json');
const VOLATILE = ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken'];

test('the pinned SDK sends exactly the captured request bodies', async () => {
  const captured: Array<{ url: string; body: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      for (const k of VOLATILE) delete body[k];
      captured.push({ url: (req.url ?? '').replace(/seqId=[^&]+/, 'seqId=*'), body });
      res.setHeader('content-type', 'application/json');
      const a = body.action;
      const data =
        a === 'database.getDocument' ? { list: [] } : a === 'database.insertDocument' ? { insertedIds: ['x'] } : a === 'functions.invokeFunction' ? { response_data: '1' } : a === 'database.calculateDocument' ? { total: 0 } : { updated: 0, deleted: 0, list: [] };
      res.end(JSON.stringify(a === 'database.startTransaction' ? { requestId: 'r', transactionId: 't1' } : { requestId: 'r', data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const cloud = realSdk(`http://127.0.0.1:${port}/admin`);
  const db = cloud.database();
  const _ = db.command;
  const $ = db.command.aggregate;
  await db.collection('goods').where({ stock: _.gte(1), name: db.RegExp({ regexp: 'a', options: 'i' }), t: new Date(0), n: 1.5 }).orderBy('price', 'desc').skip(3).limit(5).field({ name: true }).get();
  await db.collection('goods').doc('abc').get().catch(() => undefined);
  await db.collection('goods').add({ data: { a: 1, d: db.serverDate(), when: new Date(5) } });
  await db.collection('goods').where({ a: 1 }).update({ data: { stock: _.inc(-1), 'x.y': 2, arr: _.push([1, 2]) } });
  await db.collection('goods').doc('abc').set({ data: { a: 1 } });
  await db.collection('goods').doc('abc').update({ data: { a: _.remove() } });
  await db.collection('goods').doc('abc').remove();
  await db.collection('goods').where({ a: 1 }).remove();
  await db.collection('goods').where({ a: 1 }).count();
  await db.collection('goods').aggregate().match({ a: 1 }).lookup({ from: 'x', localField: 'a', foreignField: 'b', as: 'c' }).group({ _id: '$a', n: $.sum(1) }).limit(10).end();
  await db.createCollection('newc');
  const t = await db.startTransaction();
  await t.collection('goods').doc('abc').update({ data: { n: _.inc(1) } });
  await t.commit().catch(() => undefined);
  await cloud.callFunction({ name: 'fn', data: { x: 1 } });
  server.close();

  if (process.env.UPDATE_FIXTURES === '1' || !fs.existsSync(FIXTURE)) {
    fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
    fs.writeFileSync(FIXTURE, `${JSON.stringify(captured, null, 2)}\n`);
  }
  expect(captured).toEqual(JSON.parse(fs.readFileSync(FIXTURE, 'utf8')));
});
