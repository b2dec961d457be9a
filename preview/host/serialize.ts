/**
 * Turns a page rendered by miniprogram-simulate into HTML a browser can draw: the page's DOM inside
 * a `<page>` element, with exparser's `<virtual>` wrappers left out, rpx in inline styles
 * converted, built-in components completed (builtins.ts), and every element numbered (`data-pv`)
 * so that the browser can send taps and input back. `data-pv-tap` marks elements with a tap
 * binding, `data-pv-mask` the elements a screenshot masks.
 */
import { rpxToPx } from '../rpx';
import { builtinMarkup, escapeAttribute, escapeText, type BuiltinContext } from './builtins';
import type { NodeIds } from './node-ids';
import { exparserNodeOf, hasBinding, virtualHostClasses } from './sim-types';

export interface SerializeOptions extends BuiltinContext {
  ids: NodeIds;
  masked: ReadonlySet<Element>;
}

/** DOM attributes worth keeping; exparser's data-* copies and the like are not needed to draw. */
const KEPT_ATTRIBUTES = new Set(['class', 'style', 'hidden', 'id']);
const TAP_EVENTS = ['tap', 'longpress', 'longtap'];

function serializeElement(element: Element, options: SerializeOptions, out: string[]): void {
  const tag = element.tagName.toLowerCase();
  if (tag === 'virtual') {
    serializeChildren(element, options, out);
    return;
  }
  const id = options.ids.idOf(element);
  const extra = builtinMarkup(element, id, options);
  const attributes: string[] = [`data-pv="${id}"`];
  let style = '';
  const hostClasses = virtualHostClasses(exparserNodeOf(element));
  for (const attr of [...element.attributes]) {
    if (!KEPT_ATTRIBUTES.has(attr.name)) continue;
    if (attr.name === 'style') style = rpxToPx(attr.value);
    else if (attr.name === 'class') attributes.push(`class="${escapeAttribute([attr.value.trim(), ...hostClasses].join(' ').trim())}"`);
    else attributes.push(attr.value === '' ? attr.name : `${attr.name}="${escapeAttribute(attr.value.trim())}"`);
  }
  if (hostClasses.length && !element.hasAttribute('class')) attributes.push(`class="${escapeAttribute(hostClasses.join(' '))}"`);
  if (extra?.style) style = style ? `${style.replace(/;?\s*$/, '')}; ${extra.style}` : extra.style;
  if (style.trim()) attributes.push(`style="${escapeAttribute(style.trim())}"`);
  if (TAP_EVENTS.some((name) => hasBinding(element, name)) || tag === 'wx-navigator' || tag === 'wx-picker') attributes.push('data-pv-tap');
  if (options.masked.has(element)) attributes.push('data-pv-mask');
  for (const [name, value] of Object.entries(extra?.attributes ?? {})) attributes.push(value === '' ? name : `${name}="${escapeAttribute(value)}"`);
  out.push(`<${tag} ${attributes.join(' ')}>`);
  if (extra?.inner) out.push(extra.inner);
  serializeChildren(element, options, out);
  out.push(`</${tag}>`);
}

function serializeChildren(element: Element, options: SerializeOptions, out: string[]): void {
  for (const child of element.childNodes) {
    if (child.nodeType === 1) serializeElement(child as Element, options, out);
    else if (child.nodeType === 3) out.push(escapeText(child.textContent ?? ''));
  }
}

/** `<page>` with the page's rendered DOM (`root` is simulate's host element of the page). */
export function serializePage(root: Element, options: SerializeOptions): string {
  const out: string[] = ['<page>'];
  serializeElement(root, options, out);
  out.push('</page>');
  return out.join('');
}
