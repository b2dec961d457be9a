/**
 * The package budget, checked by compiling the mini-program offline the way an upload does:
 * main package under 1.5 MB, every subpackage under 2 MB, and broken WXML fails the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/package-size.js');

function compile(projectRoot: string) {
  const r = spawnSync(process.execPath, [SCRIPT, projectRoot], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'miniprogram/miniprogram_npm'))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-miniprogram-npm.js')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }
});

test('the mini-program compiles within the package budget', () => {
  const r = compile(ROOT);
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  expect(result.files).toBeGreaterThan(20);
  expect(result.packages.__main__).toBeLessThan(1.5 * 1024 * 1024);
  for (const [name, size] of Object.entries(result.packages as Record<string, number>)) if (name !== '__main__') expect(size).toBeLessThan(2 * 1024 * 1024);
  expect(result.over).toEqual([]);
}, 200_000);

test('broken WXML fails the build', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-mp-'));
  fs.copyFileSync(path.join(ROOT, 'project.config.json'), path.join(dir, 'project.config.json'));
  fs.cpSync(path.join(ROOT, 'miniprogram'), path.join(dir, 'miniprogram'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'miniprogram/pages/me/index.wxml'), '<view class="x"><text>{{a}</view>\n');
  const r = compile(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/compile failed/);
}, 200_000);
