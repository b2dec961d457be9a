/**
 * Runs once per jest run, before any test file: makes sure miniprogram/miniprogram_npm exists and
 * matches the installed packages, and that the official WXML compiler can run.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { buildMiniprogramNpm } = require('../../../scripts/build-miniprogram-npm');

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

module.exports = async function globalSetup() {
  ensureWccExecutable();
  await buildMiniprogramNpm({ ifStale: true });
};
