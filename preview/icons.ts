/**
 * TDesign icons as inline SVG. tdesign-miniprogram draws `<t-icon>` with an icon font loaded from
 * tdesign.gtimg.com, which a test machine cannot reach; the same icons ship as SVG files in
 * tdesign-icons-svg. The SVG inherits the text colour (`currentColor`) and is 1em square, like the
 * font glyph it replaces.
 */
import fs from 'fs';
import path from 'path';
import { packageDir } from './resolve';

const ICON_DIR = path.join(packageDir('tdesign-icons-svg'), 'src');
const cache = new Map<string, string | null>();
let fontNames: Set<string> | null = null;

/**
 * Whether TDesign's icon font has a glyph of this name (its stylesheet lists one `.t-icon-<name>:before`
 * rule per glyph). A name it lacks draws nothing on a phone either.
 */
export function isTDesignIcon(name: string, miniprogramRoot: string): boolean {
  if (!fontNames) {
    const css = fs.readFileSync(path.join(miniprogramRoot, 'miniprogram_npm/tdesign-miniprogram/icon/icon.wxss'), 'utf8');
    fontNames = new Set([...css.matchAll(/\.t-icon-([a-z0-9-]+):before/g)].map((match) => match[1] ?? ''));
  }
  return fontNames.has(name);
}

/** The icon's SVG markup, or null when tdesign-icons-svg has no icon of that name. */
export function iconSvg(name: string): string | null {
  if (cache.has(name)) return cache.get(name) ?? null;
  const file = path.join(ICON_DIR, `${name}.svg`);
  let svg: string | null = null;
  if (/^[a-z0-9-]+$/.test(name) && fs.existsSync(file)) {
    svg = fs
      .readFileSync(file, 'utf8')
      .trim()
      // The package writes the attribute as `view-box`, which browsers ignore.
      .replace(/\sview-box=/g, ' viewBox=')
      .replace(/\s(id|class)="[^"]*"/g, '')
      .replace(/^<svg\b/, '<svg class="pv-icon" aria-hidden="true"');
  }
  cache.set(name, svg);
  return svg;
}
