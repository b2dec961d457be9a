/**
 * A small walker over (minified) CSS that rewrites the selector of every style rule, including
 * rules inside @media and @supports, and leaves at-rules such as @keyframes and @font-face alone.
 * Enough for the CSS miniprogram-simulate produces (csso output), not a general CSS parser.
 */

/** WeChat's built-in components, which the DOM shows as `wx-<name>` elements. */
const BUILTIN_TAGS = [
  'view', 'text', 'image', 'button', 'input', 'textarea', 'scroll-view', 'swiper', 'swiper-item', 'navigator', 'icon',
  'label', 'picker', 'picker-view', 'form', 'rich-text', 'checkbox', 'checkbox-group', 'radio', 'radio-group', 'switch',
  'slider', 'progress', 'video', 'map', 'canvas', 'block', 'movable-area', 'movable-view', 'cover-view', 'cover-image',
];

const TAG_SELECTOR = new RegExp(`(^|[\\s,>+~(])(${BUILTIN_TAGS.join('|')})(?=$|[\\s,.:#\\[>+~)])`, 'g');

/** `view .a, text` -> `wx-view .a, wx-text`: WeChat's tag selectors, aimed at the rendered tags. */
export function builtinTagSelectors(selector: string): string {
  return selector.replace(TAG_SELECTOR, '$1wx-$2');
}

const NESTING_AT_RULES = /^@(media|supports|document|layer)\b/i;

function skipString(css: string, start: number): number {
  const quote = css[start];
  let i = start + 1;
  while (i < css.length && css[i] !== quote) i += css[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just past the block that opens at `open` (a `{`). */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i += 1) {
    const c = css[i];
    if (c === '"' || c === "'") i = skipString(css, i) - 1;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return css.length;
}

/** Applies `rewrite` to the selector list of every style rule. Comments are dropped. */
export function rewriteSelectors(input: string, rewrite: (selector: string) => string): string {
  const css = input.replace(/\/\*[\s\S]*?\*\//g, '');
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = findOpen(css, i);
    if (open < 0) {
      out += css.slice(i);
      break;
    }
    const prelude = css.slice(i, open);
    const end = blockEnd(css, open);
    // Statements before the block (`@import ...;`) end with `;` and are kept as they are.
    const lastStatement = prelude.lastIndexOf(';');
    const head = prelude.slice(0, lastStatement + 1);
    const rule = prelude.slice(lastStatement + 1);
    const body = css.slice(open + 1, end - 1);
    if (rule.trim().startsWith('@')) out += head + rule + '{' + (NESTING_AT_RULES.test(rule.trim()) ? rewriteSelectors(body, rewrite) : body) + '}';
    else out += head + rewrite(rule) + '{' + body + '}';
    i = end;
  }
  return out;
}

function findOpen(css: string, from: number): number {
  for (let i = from; i < css.length; i += 1) {
    const c = css[i];
    if (c === '"' || c === "'") i = skipString(css, i) - 1;
    else if (c === '{') return i;
  }
  return -1;
}

/** Drops @font-face rules that load fonts from the network (TDesign's icon font comes from a CDN). */
export function dropRemoteFontFaces(css: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = css.indexOf('@font-face', i);
    if (at < 0) return out + css.slice(i);
    const open = css.indexOf('{', at);
    if (open < 0) return out + css.slice(i);
    const end = blockEnd(css, open);
    const rule = css.slice(at, end);
    out += css.slice(i, at) + (/url\(\s*['"]?(https?:)?\/\//i.test(rule) ? '' : rule);
    i = end;
  }
}
