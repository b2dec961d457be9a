/**
 * Compiles the mini-program's WXML (pages and miniprogram_npm) with the official `wcc` once per
 * jest run instead of once per test file. The global setup writes the compiled JavaScript next to
 * a fingerprint (path, size, mtime of every .wxml/.wxs/.json under the root: `wcc` reads the JSON
 * files for usingComponents); `cached-compiler.js`, which jest substitutes for
 * miniprogram-compiler, serves it while the fingerprint still matches and compiles afresh
 * otherwise (e.g. a file edited during --watch).
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const CACHE_DIR = path.resolve(__dirname, '../../../.tmp/miniprogram-wxml');
const COMPILED_EXTENSIONS = new Set(['.wxml', '.wxs', '.json']);

function listFiles(dir, base, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, base, out);
    else if (COMPILED_EXTENSIONS.has(path.extname(entry.name))) {
      const stat = fs.statSync(full);
      out.push(`${path.relative(base, full)}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return out;
}

function fingerprint(rootPath) {
  return crypto.createHash('sha1').update(listFiles(rootPath, rootPath, []).sort().join('\n')).digest('hex');
}

function cacheFile(rootPath) {
  const key = crypto.createHash('sha1').update(path.resolve(rootPath)).digest('hex').slice(0, 12);
  return path.join(CACHE_DIR, `${key}.json`);
}

/** Compiles `rootPath` with the real compiler and stores the result for this run's test files. */
function writeWxmlCache(rootPath, compilerOptions) {
  const compiler = require('miniprogram-compiler');
  const before = fingerprint(rootPath);
  const code = compiler.wxmlToJs(rootPath, compilerOptions);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(cacheFile(rootPath), JSON.stringify({ fingerprint: before, code }));
}

/** The stored compiled WXML for `rootPath` if no compiled file changed since, else null. */
function readWxmlCache(rootPath) {
  const file = cacheFile(rootPath);
  if (!fs.existsSync(file)) return null;
  const { fingerprint: stored, code } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return stored === fingerprint(rootPath) ? code : null;
}

module.exports = { writeWxmlCache, readWxmlCache };
