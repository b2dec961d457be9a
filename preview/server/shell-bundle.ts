/** Compiles the browser shell (preview/shell/*.ts) into one script with esbuild, in memory, once per server. */
import path from 'path';
import { build } from 'esbuild';

let bundle: Promise<string> | null = null;

export function shellScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(__dirname, '../shell/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild produced no shell script');
    return output.text;
  });
  return bundle;
}
