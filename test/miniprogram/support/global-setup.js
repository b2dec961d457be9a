/**
 * Runs once per jest run, before any test file: makes sure miniprogram/miniprogram_npm exists and
 * matches the installed packages, that the official WXML compiler can run, that the emulator and
 * the cloud functions are built (emulator-*.spec.ts run them), and compiles the WXML once for all
 * test files.
 */
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { buildMiniprogramNpm } = require('../../../scripts/build-miniprogram-npm');
const { writeWxmlCache } = require('./wxml-cache');

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** npm may unpack miniprogram-compiler's Linux `wcc` without its execute bit. */
function ensureWccExecutable() {
  if (process.platform !== 'linux') return;
  const wcc = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux', 'wcc');
  try {
    fs.accessSync(wcc, fs.constants.X_OK);
  } catch {
    fs.chmodSync(wcc, 0o755);
  }
}

/**
 * Only when missing: the node test run (jest.node.config.js) rebuilds it every time, and two
 * builds writing emulator/dist at once could hand a half-written file to the other run.
 */
function ensureEmulatorBuilt() {
  if (fs.existsSync(path.join(REPO_ROOT, 'emulator/dist/cli.js'))) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.js'), '--emulator'], { stdio: 'inherit' });
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * The page tests against the real functions (emulator-*.spec.ts) run the built index.js of each
 * function (gitignored). Built when one is missing or older than the sources it bundles; never
 * otherwise, for the reason given above for the emulator.
 */
function ensureFunctionsBuilt() {
  const functionsDir = path.join(REPO_ROOT, 'cloudfunctions');
  if (!fs.existsSync(functionsDir)) return;
  const names = fs.readdirSync(functionsDir).filter((name) => fs.existsSync(path.join(functionsDir, name, 'src/index.ts')));
  const sources = Math.max(...['domain', 'server', 'miniprogram/contracts'].map((dir) => newestMtime(path.join(REPO_ROOT, dir))));
  const stale = names.some((name) => {
    const built = path.join(functionsDir, name, 'index.js');
    if (!fs.existsSync(built)) return true;
    const builtAt = fs.statSync(built).mtimeMs;
    return builtAt < sources || builtAt < newestMtime(path.join(functionsDir, name, 'src'));
  });
  if (stale) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.js'), '--functions'], { stdio: 'inherit' });
}

module.exports = async function globalSetup() {
  ensureWccExecutable();
  ensureEmulatorBuilt();
  ensureFunctionsBuilt();
  await buildMiniprogramNpm({ ifStale: true });
  // Same root and options as support/load-page.ts.
  writeWxmlCache(path.join(REPO_ROOT, 'miniprogram'), { maxBuffer: 64 * 1024 * 1024 });
};
