#!/usr/bin/env node
/**
 * Builds miniprogram/miniprogram_npm, what WeChat DevTools calls "构建 npm", offline with
 * miniprogram-ci's packNpmManually (a few seconds).
 *
 * Only the mini-program's own packages are packed (MINIPROGRAM_PACKAGES below, each also listed in
 * the root package.json "dependencies" for DevTools). packNpmManually packs *every* dependency of
 * the package.json it is given, and the root one also lists the emulator's server packages, which
 * it cannot parse (fast-uri: optional catch binding). So the packages are staged in
 * .tmp/miniprogram-npm/ (a package.json plus symlinks into node_modules) and packed from there;
 * the result replaces miniprogram/miniprogram_npm in one rename.
 *
 * Usage:
 *   node scripts/build-miniprogram-npm.js              build (always)
 *   node scripts/build-miniprogram-npm.js --if-stale   build only when missing or the versions changed
 */
'use strict';

const fs = require('fs');
const path = require('path');

/** Packages the mini-program requires at run time. Add one here and to package.json "dependencies". */
const MINIPROGRAM_PACKAGES = ['tdesign-miniprogram'];

const REPO_ROOT = path.resolve(__dirname, '..');
const DIST_PARENT = path.join(REPO_ROOT, 'miniprogram');
const DIST_DIR = path.join(DIST_PARENT, 'miniprogram_npm');
const STAGE_DIR = path.join(REPO_ROOT, '.tmp', 'miniprogram-npm');
const STAMP_FILE = path.join(REPO_ROOT, '.tmp', 'miniprogram-npm.stamp.json');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function packageDir(name, fromDir) {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [fromDir] }));
}

/** The packages to pack with their installed versions, including their own dependencies. */
function collectPackages() {
  const declared = readJson(path.join(REPO_ROOT, 'package.json')).dependencies || {};
  const found = new Map();
  const visit = (name, fromDir) => {
    if (found.has(name)) return;
    const dir = packageDir(name, fromDir);
    const manifest = readJson(path.join(dir, 'package.json'));
    found.set(name, { dir, version: manifest.version });
    for (const dependency of Object.keys(manifest.dependencies || {})) visit(dependency, dir);
  };
  for (const name of MINIPROGRAM_PACKAGES) {
    if (!declared[name]) throw new Error(`${name} must be in the root package.json "dependencies" (DevTools packs from there)`);
    visit(name, REPO_ROOT);
  }
  return found;
}

function stampOf(packages) {
  return JSON.stringify(Object.fromEntries([...packages].map(([name, { version }]) => [name, version])));
}

function isFresh(stamp) {
  if (!fs.existsSync(DIST_DIR) || !fs.existsSync(STAMP_FILE)) return false;
  return fs.readFileSync(STAMP_FILE, 'utf8') === stamp;
}

function stage(packages) {
  fs.rmSync(STAGE_DIR, { recursive: true, force: true });
  const dependencies = {};
  for (const [name, { dir, version }] of packages) {
    dependencies[name] = version;
    const link = path.join(STAGE_DIR, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(dir, link, 'dir');
  }
  const manifest = { name: 'cloudmall-miniprogram-npm', version: '0.0.0', private: true, dependencies };
  fs.writeFileSync(path.join(STAGE_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function pack() {
  const ci = require('miniprogram-ci');
  const outDir = path.join(STAGE_DIR, 'out');
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(STAGE_DIR, 'package.json'),
    miniprogramNpmDistDir: outDir,
  });
  for (const warning of result.warnList || []) console.warn(`[build-miniprogram-npm] ${warning.msg || JSON.stringify(warning)}`);
  const built = path.join(outDir, 'miniprogram_npm');
  if (!fs.existsSync(built)) throw new Error('packNpmManually produced no miniprogram_npm');
  return built;
}

/**
 * Builds miniprogram/miniprogram_npm; with `ifStale`, only when it is missing or was built from
 * other package versions. Returns whether it built.
 */
async function buildMiniprogramNpm({ ifStale = false, quiet = false } = {}) {
  const packages = collectPackages();
  const stamp = stampOf(packages);
  if (ifStale && isFresh(stamp)) return false;
  const started = Date.now();
  stage(packages);
  const built = await pack();
  const previous = `${DIST_DIR}.old-${process.pid}`;
  if (fs.existsSync(DIST_DIR)) fs.renameSync(DIST_DIR, previous);
  fs.renameSync(built, DIST_DIR);
  fs.rmSync(previous, { recursive: true, force: true });
  fs.rmSync(STAGE_DIR, { recursive: true, force: true });
  fs.writeFileSync(STAMP_FILE, stamp);
  if (!quiet) console.log(`[build-miniprogram-npm] ${path.relative(REPO_ROOT, DIST_DIR)} built in ${Date.now() - started} ms: ${[...packages.keys()].join(', ')}`);
  return true;
}

module.exports = { buildMiniprogramNpm, MINIPROGRAM_PACKAGES };

if (require.main === module) {
  buildMiniprogramNpm({ ifStale: process.argv.includes('--if-stale') }).catch((error) => {
    console.error('[build-miniprogram-npm] failed:', error);
    process.exitCode = 1;
  });
}
