#!/usr/bin/env node
/**
 * `npm test`: type-checks everything, then runs the node tests (domain, emulator against the real
 * SDK, cloud functions), the mini-program page tests and the preview tests (screenshots against
 * baselines, a purchase in the browser preview), then runs the date-sensitive suites again on
 * another clock (a year ahead, TZ=UTC, under Debian's faketime), and ends with one summary line
 * `tests: N passed, N failed`. Extra arguments go to every jest run (e.g. `npm test -- -t coupon`);
 * with them the other-clock pass is left out.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const extra = process.argv.slice(2);

/**
 * Suites whose answers depend on the date or the time zone: run again with the machine's clock a
 * year ahead and TZ=UTC (the zone production functions run in), to prove that tests, screenshots
 * and the functions do not depend on the day they run (see test/support/pinned-clock.ts).
 */
const OTHER_CLOCK = { shift: '+365d', tz: 'UTC' };
const OTHER_CLOCK_SUITES = [
  ['node', 'jest.node.config.js', ['emulator/test/clock.spec.ts', 'emulator/test/timers.spec.ts', 'test/functions/coupon.spec.ts', 'test/functions/finance.spec.ts']],
  ['miniprogram', 'jest.miniprogram.config.js', ['test/miniprogram/format.spec.ts', 'test/miniprogram/my-coupons.spec.ts', 'test/miniprogram/order-detail.spec.ts']],
  ['preview', 'test/preview/jest.config.js', ['test/preview/visual.spec.ts']],
];

function run(cmd, args, env = process.env) {
  console.log(`\n$ ${path.basename(cmd)} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status ?? 1;
}

/**
 * The preview tests drive Debian's Chromium with CJK fonts, and the other-clock pass needs
 * faketime. Installed here when missing and we may (root with apt-get, as on CI and the project's
 * dev machines); otherwise say what to install.
 */
function ensureDebianPackages() {
  const has = {
    chromium: () => fs.existsSync('/usr/bin/chromium'),
    'fonts-noto-cjk': () => spawnSync('sh', ['-c', 'fc-list | grep -qi "noto sans cjk"']).status === 0,
    faketime: () => spawnSync('sh', ['-c', 'command -v faketime']).status === 0,
  };
  const missing = Object.keys(has).filter((name) => !has[name]());
  if (!missing.length) return true;
  const canApt = typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(`The preview tests and the other-clock pass need: sudo apt-get install ${missing.join(' ')}`);
    return false;
  }
  console.log(`installing Debian packages ${missing.join(', ')} for the preview tests and the other-clock pass`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0
  );
}

let failedSteps = 0;
if (!ensureDebianPackages()) failedSteps++;
for (const project of ['.', 'miniprogram', 'test/miniprogram', 'preview']) if (run(bin('tsc'), ['-p', project]) !== 0) failedSteps++;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-test-'));
let passed = 0;
let failed = 0;
/** One jest run; its counts join the summary. */
function jest(label, config, args, wrap = null) {
  const out = path.join(tmp, `${label}.json`);
  const jestArgs = ['-c', config, '--json', `--outputFile=${out}`, ...args];
  const status = wrap ? run(wrap.cmd, [...wrap.args, bin('jest'), ...jestArgs], wrap.env) : run(bin('jest'), jestArgs);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  } else failed++;
  if (status !== 0) failedSteps++;
}

for (const [name, config] of [['node', 'jest.node.config.js'], ['miniprogram', 'jest.miniprogram.config.js'], ['preview', 'test/preview/jest.config.js']]) jest(name, config, extra);

if (extra.length) console.log('\n(arguments given: the other-clock pass is left out)');
else {
  console.log(`\nThe date-sensitive suites again, on another clock: ${OTHER_CLOCK.shift} and TZ=${OTHER_CLOCK.tz}`);
  const wrap = { cmd: 'faketime', args: ['-f', OTHER_CLOCK.shift], env: { ...process.env, TZ: OTHER_CLOCK.tz } };
  for (const [name, config, suites] of OTHER_CLOCK_SUITES) jest(`${name}-other-clock`, config, suites, wrap);
}
if (failedSteps && !failed) failed = failedSteps;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
