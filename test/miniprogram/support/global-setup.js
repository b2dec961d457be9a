/**
 * Runs once per jest run, before any test file: makes sure miniprogram/miniprogram_npm exists and
 * matches the installed packages, that the official WXML compiler can run, that the emulator is
 * built (emulator-gateway.spec.ts starts it), and compiles the WXML once for all test files.
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

module.exports = async function globalSetup() {
  ensureWccExecutable();
  ensureEmulatorBuilt();
  await buildMiniprogramNpm({ ifStale: true });
  // Same root and options as support/load-page.ts.
  writeWxmlCache(path.join(REPO_ROOT, 'miniprogram'), { maxBuffer: 64 * 1024 * 1024 });
};
