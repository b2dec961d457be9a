#!/usr/bin/env node
/**
 * `npm test`: type-checks everything, then runs the node tests (domain, emulator against the real
 * SDK, cloud functions), the mini-program page tests and the preview tests (screenshots against
 * baselines, a purchase in the browser preview), and ends with one summary line
 * `tests: N passed, N failed`. Extra arguments go to both jest runs (e.g. `npm test -- -t coupon`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const extra = process.argv.slice(2);

function run(cmd, args) {
  console.log(`\n$ ${path.basename(cmd)} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

/**
 * The preview tests drive Debian's Chromium with CJK fonts. Installed here when missing and we may
 * (root with apt-get, as on CI and the project's dev machines); otherwise say what to install.
 */
function ensureChromium() {
  const hasFonts = () => spawnSync('sh', ['-c', 'fc-list | grep -qi "noto sans cjk"']).status === 0;
  if (fs.existsSync('/usr/bin/chromium') && hasFonts()) return true;
  const canApt = typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('The preview tests need Chromium and CJK fonts: sudo apt-get install chromium fonts-noto-cjk');
    return false;
  }
  console.log('installing Debian packages chromium and fonts-noto-cjk for the preview tests');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env }).status === 0
  );
}

let failedSteps = 0;
if (!ensureChromium()) failedSteps++;
for (const project of ['.', 'miniprogram', 'test/miniprogram', 'preview']) if (run(bin('tsc'), ['-p', project]) !== 0) failedSteps++;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-test-'));
let passed = 0;
let failed = 0;
for (const [name, config] of [['node', 'jest.node.config.js'], ['miniprogram', 'jest.miniprogram.config.js'], ['preview', 'test/preview/jest.config.js']]) {
  const out = path.join(tmp, `${name}.json`);
  const status = run(bin('jest'), ['-c', config, '--json', `--outputFile=${out}`, ...extra]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } else failed++;
  if (status !== 0) failedSteps++;
}
if (failedSteps && !failed) failed = failedSteps;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
