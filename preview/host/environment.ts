/**
 * Makes a plain Node thread look like the jest page-test environment before miniprogram-simulate
 * loads: jsdom globals, the compiled-WXML cache instead of a fresh `wcc` run per load, pages as
 * TypeScript, and WeChat's rpx at 0.5 px. Runs once per host worker, before anything else.
 */
import fs from 'fs';
import Module from 'module';
import path from 'path';
import { JSDOM } from 'jsdom';
import { MINIPROGRAM_ROOT, PAGE_TEST_SUPPORT } from '../paths';
import { packageDir, resolveModule } from '../resolve';
import { rpxToPx } from '../rpx';

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

/** DOM classes simulate and j-component construct: they must be jsdom's, not Node's own. */
const DOM_OVERRIDES = ['Event', 'CustomEvent', 'EventTarget', 'TouchEvent', 'Touch', 'MutationObserver', 'Node', 'Element', 'HTMLElement'];

function installDomGlobals(): JSDOM {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
  const target = globalThis as unknown as Record<string, unknown>;
  const source = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(source)) {
    if (key in target) continue;
    target[key] = source[key];
  }
  for (const key of DOM_OVERRIDES) if (source[key] !== undefined) target[key] = source[key];
  target.window = dom.window;
  target.document = dom.window.document;
  target.navigator = dom.window.navigator;
  return dom;
}

/**
 * - `miniprogram-compiler` becomes the page tests' cached compiler (test/miniprogram/support/
 *   cached-compiler.js), so a page load reuses the WXML the test run compiled;
 * - an extensionless path under miniprogram/ prefers `.ts`: Node would otherwise pick the page's
 *   `.json` before tsx's `.ts` (jest's moduleFileExtensions put ts first);
 * - a bare module Node cannot find from a file under miniprogram/ is looked up the way the
 *   mini-program runtime does, in the `miniprogram_npm` folders above that file (TDesign's
 *   cascader needs `dayjs/locale/zh-cn`, which packNpm nests under tdesign-miniprogram).
 */
function installModuleHooks(): void {
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  const cachedCompiler = path.join(PAGE_TEST_SUPPORT, 'cached-compiler.js');
  loader._resolveFilename = function resolveFilename(request, parent, ...rest) {
    if (request === 'miniprogram-compiler') return cachedCompiler;
    if ((request.startsWith('/') || request.startsWith('.')) && !path.extname(request)) {
      const absolute = request.startsWith('/') ? request : path.resolve(path.dirname(parent?.filename ?? MINIPROGRAM_ROOT), request);
      if (absolute.startsWith(MINIPROGRAM_ROOT) && fs.existsSync(`${absolute}.ts`)) return `${absolute}.ts`;
    }
    try {
      return resolve.call(this, request, parent, ...rest);
    } catch (error) {
      const nested = parent?.filename?.startsWith(MINIPROGRAM_ROOT) && !request.startsWith('.') && !request.startsWith('/') ? miniprogramNpmModule(request, parent.filename) : null;
      if (nested) return nested;
      throw error;
    }
  };
}

/** `request` in the nearest `miniprogram_npm` folder above `from` (as a file, `.js`, or `index.js`). */
function miniprogramNpmModule(request: string, from: string): string | null {
  for (let dir = path.dirname(from); dir.startsWith(MINIPROGRAM_ROOT); dir = path.dirname(dir)) {
    const base = path.join(dir, 'miniprogram_npm', request);
    for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    if (dir === MINIPROGRAM_ROOT) break;
  }
  return null;
}

interface RpxConverter {
  transformRpx: (css: string) => string;
}

function installRpxConversion(): void {
  const simulateDir = packageDir('miniprogram-simulate');
  const simulateUtils = require(path.join(simulateDir, 'src/utils')) as RpxConverter;
  const jComponentUtils = require(resolveModule('j-component/src/tool/utils', simulateDir)) as RpxConverter;
  simulateUtils.transformRpx = rpxToPx;
  jComponentUtils.transformRpx = rpxToPx;
}

let installed: JSDOM | null = null;

/** Installs everything once; returns the jsdom instance. */
export function installEnvironment(): JSDOM {
  if (installed) return installed;
  installed = installDomGlobals();
  installModuleHooks();
  require('miniprogram-simulate');
  installRpxConversion();
  return installed;
}
