/**
 * `require.resolve` that type-checks next to miniprogram-api-typings (whose mini-program `require`
 * hides Node's): where an installed package's file is.
 */
import { createRequire } from 'module';

const nodeRequire = createRequire(__filename);

export function resolveModule(request: string, fromDir?: string): string {
  return nodeRequire.resolve(request, fromDir === undefined ? undefined : { paths: [fromDir] });
}

export function packageDir(name: string, fromDir?: string): string {
  return resolveModule(`${name}/package.json`, fromDir).replace(/[\\/]package\.json$/, '');
}
