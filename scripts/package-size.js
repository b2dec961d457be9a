#!/usr/bin/env node
/**
 * Compiles the mini-program offline with miniprogram-ci exactly as an upload would (TypeScript
 * plugin, minified JS/WXML/WXSS, unused files ignored) and prints the size of the main package and
 * of each subpackage as JSON. Exits 1 when the compile fails (broken WXML, WXSS or JSON) or a
 * budget is exceeded: main package 1.5 MB, each subpackage 2 MB (WeChat's hard limit is 2 MB each).
 *
 * The compile honours `packOptions.ignore` of project.config.json, as a DevTools upload does: the
 * development-only files (the dev menu `packages/dev`, the local emulator transport `local/`) are
 * not in what it measures. `--list` adds the compiled file names (`fileNames`), and each
 * `--find <text>` the names of the compiled files whose content holds that text (`found`), so a
 * test can prove what an upload leaves out.
 *
 * Usage: node scripts/package-size.js [projectRoot] [--json out.json] [--list] [--find text]...
 */
const fs = require('node:fs');
const path = require('node:path');

const MAIN_BUDGET = 1.5 * 1024 * 1024;
const SUB_BUDGET = 2 * 1024 * 1024;

async function measure(projectRoot, { list = false, find = [] } = {}) {
  const ci = require('miniprogram-ci');
  const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'project.config.json'), 'utf8'));
  const mpRoot = path.join(projectRoot, config.miniprogramRoot || '');
  if (!fs.existsSync(path.join(mpRoot, 'miniprogram_npm'))) throw new Error('miniprogram_npm is missing: run `npm run build:miniprogram-npm` first');
  const appJson = JSON.parse(fs.readFileSync(path.join(mpRoot, 'app.json'), 'utf8'));
  const subRoots = (appJson.subPackages || appJson.subpackages || []).map((s) => s.root.replace(/\/?$/, '/'));
  const project = new ci.Project({ appid: config.appid || 'touristappid', type: 'miniProgram', projectPath: projectRoot, privateKey: 'offline-compile-needs-no-key', ignores: ['node_modules/**/*'] });
  // The compile asks WeChat's servers for project attributes; offline, the defaults are what we need.
  project.attr = async () => ({ ...ci.DefaultProjectAttr, platform: false });
  const started = Date.now();
  const files = await ci.getCompiledResult({
    project,
    version: '0.0.0',
    setting: { es6: true, es7: true, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, ignoreUploadUnusedFiles: true, useCompilerPlugins: ['typescript'] },
    onProgressUpdate: () => undefined,
  });
  const packages = { __main__: 0 };
  for (const r of subRoots) packages[r.slice(0, -1)] = 0;
  for (const [file, content] of Object.entries(files)) {
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const root = subRoots.find((r) => file.startsWith(r));
    packages[root ? root.slice(0, -1) : '__main__'] += size;
  }
  const total = Object.values(packages).reduce((a, b) => a + b, 0);
  const over = Object.entries(packages).filter(([name, size]) => size > (name === '__main__' ? MAIN_BUDGET : SUB_BUDGET));
  const result = { compileMs: Date.now() - started, files: Object.keys(files).length, total, packages, budgets: { main: MAIN_BUDGET, subpackage: SUB_BUDGET }, over: over.map(([n]) => n), ignored: config.packOptions?.ignore ?? [] };
  if (list) result.fileNames = Object.keys(files).sort();
  if (find.length) {
    const text = (content) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
    result.found = Object.fromEntries(find.map((needle) => [needle, Object.entries(files).filter(([, content]) => text(content).includes(needle)).map(([file]) => file).sort()]));
  }
  return result;
}

async function main() {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--json');
  const out = outIdx >= 0 ? args.splice(outIdx, 2)[1] : undefined;
  const listIdx = args.indexOf('--list');
  const list = listIdx >= 0 && args.splice(listIdx, 1).length > 0;
  const find = [];
  for (let i = args.indexOf('--find'); i >= 0; i = args.indexOf('--find')) find.push(args.splice(i, 2)[1]);
  const projectRoot = path.resolve(args[0] || path.join(__dirname, '..'));
  const result = await measure(projectRoot, { list, find });
  const text = JSON.stringify(result, null, 2);
  if (out) fs.writeFileSync(out, `${text}\n`);
  console.log(text);
  if (result.over.length) {
    console.error(`over budget: ${result.over.join(', ')}`);
    process.exit(1);
  }
}

// miniprogram-ci keeps handles open after compiling, so exit explicitly.
main().then(
  () => process.exit(0),
  (e) => {
    console.error(`compile failed: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
