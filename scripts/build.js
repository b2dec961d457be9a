#!/usr/bin/env node
/**
 * Builds what runs: the emulator (emulator/dist) and every cloud function
 * (cloudfunctions/<name>/src/index.ts + the shared domain code -> cloudfunctions/<name>/index.js,
 * with wx-server-sdk left external, as CloudBase installs it from the function's package.json).
 * Usage: node scripts/build.js [--emulator] [--functions] (both by default)
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
/** CloudBase's Node.js 16 runtime is the oldest one still offered. */
const FUNCTION_TARGET = 'node16';

async function buildEmulator() {
  await esbuild.build({
    entryPoints: {
      cli: path.join(root, 'emulator/src/cli.ts'),
      worker: path.join(root, 'emulator/src/functions/worker.ts'),
      index: path.join(root, 'emulator/src/index.ts'),
    },
    outdir: path.join(root, 'emulator/dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['better-sqlite3', 'protobufjs', 'wx-server-sdk'],
    logLevel: 'warning',
  });
}

function functionNames() {
  const dir = path.join(root, 'cloudfunctions');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'src/index.ts')))
    .map((e) => e.name);
}

async function buildFunctions() {
  const names = functionNames();
  await Promise.all(
    names.map((name) =>
      esbuild.build({
        entryPoints: [path.join(root, 'cloudfunctions', name, 'src/index.ts')],
        outfile: path.join(root, 'cloudfunctions', name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: FUNCTION_TARGET,
        format: 'cjs',
        external: ['wx-server-sdk'],
        legalComments: 'none',
        logLevel: 'warning',
        banner: { js: `// Built by scripts/build.js from cloudfunctions/${name}/src. Do not edit: run npm run build.` },
      }),
    ),
  );
  return names;
}

async function main() {
  const args = process.argv.slice(2);
  const all = !args.includes('--emulator') && !args.includes('--functions');
  const started = Date.now();
  if (all || args.includes('--emulator')) await buildEmulator();
  let names = [];
  if (all || args.includes('--functions')) names = await buildFunctions();
  console.log(`[build] done in ${Date.now() - started} ms${names.length ? `; functions: ${names.join(', ')}` : ''}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
