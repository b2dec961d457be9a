/**
 * miniprogram-simulate resolves `usingComponents` paths as files, so a bare npm path such as
 * `tdesign-miniprogram/button/button` (which DevTools maps into miniprogram_npm) resolves to
 * nothing, and simulate then renders the tag as an empty unknown element without any error.
 * These helpers build simulate's `usingComponents` override from the JSON files and check that
 * every component in the tree exists before a page loads.
 */
import fs from 'fs';
import path from 'path';

const NPM_DIR = 'miniprogram_npm';

function isBareNpmPath(value: string): boolean {
  return !value.startsWith('/') && !value.startsWith('.');
}

function readUsingComponents(file: string): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
  return json.usingComponents ?? {};
}

/** The path simulate will use for one `usingComponents` value, absolute within `rootPath`. */
function resolveComponent(rootPath: string, fromComponent: string, value: string): string {
  if (isBareNpmPath(value)) return path.join(rootPath, NPM_DIR, value);
  if (value.startsWith('/')) return path.join(rootPath, value);
  return path.join(path.dirname(fromComponent), value);
}

interface UsingEntry {
  component: string;
  tag: string;
  value: string;
  target: string;
}

/** Every `usingComponents` entry in the tree of `componentPath`, each checked to exist. */
function collectEntries(rootPath: string, componentPath: string): UsingEntry[] {
  const entries: UsingEntry[] = [];
  const seen = new Set<string>();
  const visit = (component: string) => {
    if (seen.has(component)) return;
    seen.add(component);
    for (const [tag, value] of Object.entries(readUsingComponents(`${component}.json`))) {
      const target = resolveComponent(rootPath, component, value);
      if (!fs.existsSync(`${target}.json`)) {
        const hint = isBareNpmPath(value) ? ' (is miniprogram/miniprogram_npm built? npm run build:miniprogram-npm)' : '';
        throw new Error(`${path.relative(rootPath, component)} uses <${tag}> from "${value}", but ${path.relative(rootPath, target)}.json does not exist${hint}`);
      }
      entries.push({ component, tag, value, target });
      visit(target);
    }
  };
  visit(componentPath);
  return entries;
}

/**
 * Walks the component tree of `componentPath` (absolute, without extension) and returns the
 * override map `{tag: '/miniprogram_npm/...'}` for every bare npm path. Throws, naming the
 * component and the missing file, if any component in the tree does not exist, and if a tag
 * would be overridden to something else than a component in the tree means by it: simulate
 * applies the override by tag name to every component it loads.
 */
export function npmComponentOverrides(rootPath: string, componentPath: string): Record<string, string> {
  const entries = collectEntries(rootPath, componentPath);
  const overrides: Record<string, string> = {};
  for (const { tag, value } of entries) {
    if (isBareNpmPath(value)) overrides[tag] = `/${NPM_DIR}/${value}`;
  }
  for (const { component, tag, target } of entries) {
    const override = overrides[tag];
    if (override !== undefined && path.join(rootPath, override) !== target) {
      throw new Error(`<${tag}> means ${path.relative(rootPath, target)} in ${path.relative(rootPath, component)} but ${override} elsewhere; simulate's override is per tag name, rename one`);
    }
  }
  return overrides;
}

/** Minimal view of a rendered DOM node, enough for the checks below. */
interface DomNode {
  tagName?: string;
  querySelectorAll(selector: string): ArrayLike<{ tagName: string; outerHTML: string }>;
}

/**
 * TDesign components use virtual hosts, so a rendered one leaves no element named after its
 * tag. An element such as `<t-button>` in the output therefore means the component was never
 * resolved and rendered empty. Returns the outer HTML of each (shortened).
 */
export function unrenderedTDesignTags(dom: DomNode): string[] {
  return Array.from(dom.querySelectorAll('*'))
    .filter((element) => element.tagName.toLowerCase().startsWith('t-'))
    .map((element) => element.outerHTML.slice(0, 160));
}
