/**
 * `npm run demo` (issue 3 and 4 acceptance): the scripted shopper and merchant journeys pass against
 * a mall the demo starts itself, exactly as in a fresh clone without `npm start` running, on free
 * ports and a throwaway data folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it('plays every step of the shopper and merchant journeys and exits 0', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-demo-'));
  const [port, previewPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/demo.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PREVIEW_PORT: String(previewPort), DATA_DIR: dataDir, WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (out += c));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`npm run demo exited with ${code}:\n${out}`);
  expect(out).toMatch(/demo passed: \d+ steps/);
  for (const step of ['the platform admin approves the application', 'the shop ships it', 'the shop approves the refund', 'the shop sees its balance', 'and marks it paid']) expect(out).toContain(step);
  expect(out).not.toContain('✘');
}, 300_000);
