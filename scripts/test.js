#!/usr/bin/env node
/**
 * `npm test`: type-checks everything, then runs the node tests (domain, emulator against the real
 * SDK, cloud functions) and the mini-program page tests, and ends with one summary line
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

let failedSteps = 0;
for (const project of ['.', 'miniprogram', 'test/miniprogram']) if (run(bin('tsc'), ['-p', project]) !== 0) failedSteps++;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudmall-test-'));
let passed = 0;
let failed = 0;
for (const [name, config] of [['node', 'jest.node.config.js'], ['miniprogram', 'jest.miniprogram.config.js']]) {
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
