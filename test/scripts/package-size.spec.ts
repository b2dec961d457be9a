/**
 * The package budget, checked by compiling the mini-program offline the way an upload does:
 * main package under 1.5 MB, every subpackage under 2 MB, and broken WXML fails the build. The
 * same compile proves that an upload holds no way to call the local emulator: the dev menu and the
 * local transport are left out (project.config.json `packOptions.ignore`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/package-size.js');

function compile(projectRoot: string, ...options: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, projectRoot, ...options], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'miniprogram/miniprogram_npm'))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-miniprogram-npm.js')], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }
});

/** The project as an upload compiles it, compiled once for the tests below (about two minutes). */
let upload: ReturnType<typeof compile> | undefined;
function compileUpload() {
  upload ??= compile(ROOT, '--list', '--find', 'gateway/functions', '--find', 'x-wx-openid', '--find', 'gateway/storage/upload');
  return upload;
}

test('the mini-program compiles within the package budget', () => {
  const r = compileUpload();
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  expect(result.files).toBeGreaterThan(20);
  expect(result.packages.__main__).toBeLessThan(1.5 * 1024 * 1024);
  for (const [name, size] of Object.entries(result.packages as Record<string, number>)) if (name !== '__main__') expect(size).toBeLessThan(2 * 1024 * 1024);
  expect(result.over).toEqual([]);
}, 200_000);

test('an upload leaves out the dev menu and the local emulator transport', () => {
  const r = compileUpload();
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { fileNames: string[]; found: Record<string, string[]>; packages: Record<string, number> };
  // What an upload still needs is there (so the list is real), what only development uses is not.
  expect(result.fileNames).toEqual(expect.arrayContaining(['app.js', 'config/env.js', 'services/cloud.js', 'services/upload.js', 'pages/me/index.js']));
  expect(result.fileNames.filter((f) => f.startsWith('packages/dev/') || f.startsWith('local/'))).toEqual([]);
  expect(result.packages['packages/dev']).toBe(0);
  // No compiled file can post to the emulator's gateway or send a made-up identity.
  expect(result.found).toEqual({ 'gateway/functions': [], 'x-wx-openid': [], 'gateway/storage/upload': [] });
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
