/**
 * What WeChat draws natively for its built-in components, as markup a browser can show. exparser
 * renders `<image>` as an empty `<wx-image>` (its `src` lives in the template's attributes, not in
 * the DOM), `<input>` as an empty `<wx-input>`, and TDesign's icon as an empty `<label>` waiting
 * for an icon font; these functions say what to add.
 */
import { iconSvg, isTDesignIcon } from '../icons';
import { MINIPROGRAM_ROOT } from '../paths';
import { templateAttr } from './sim-types';

export interface BuiltinMarkup {
  /** Extra attributes for the element itself. */
  attributes: Record<string, string>;
  /** Extra style for the element itself. */
  style?: string;
  /** Markup to put inside the element, before its children. */
  inner?: string;
}

export interface BuiltinContext {
  /** Maps an image URL as the page has it (http, cloud://) to one the browser can load. */
  assetUrl(url: string): string;
  /** Notes a problem with the page (an icon name TDesign does not have). */
  problem(message: string): void;
}

export function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value !== '' && value !== 'false') || (typeof value === 'number' && value !== 0);
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function image(element: Element, context: BuiltinContext): BuiltinMarkup {
  const src = text(templateAttr(element, 'src'));
  const mode = text(templateAttr(element, 'mode')) || 'scaleToFill';
  return {
    attributes: { 'data-mode': mode },
    inner: src ? `<img class="pv-img" alt="" src="${escapeAttribute(context.assetUrl(src))}">` : '',
  };
}

function field(element: Element, tag: 'input' | 'textarea', id: number): BuiltinMarkup {
  const value = text(templateAttr(element, 'value'));
  const placeholder = escapeAttribute(text(templateAttr(element, 'placeholder')));
  const disabled = truthy(templateAttr(element, 'disabled')) ? ' disabled' : '';
  const maxlength = Number(templateAttr(element, 'maxlength'));
  const limit = Number.isInteger(maxlength) && maxlength > 0 ? ` maxlength="${maxlength}"` : '';
  const common = `class="pv-native" data-pv-field="${id}" placeholder="${placeholder}"${disabled}${limit}`;
  const attributes: Record<string, string> = truthy(templateAttr(element, 'focus')) || truthy(templateAttr(element, 'auto-focus')) ? { 'data-pv-focus': '' } : {};
  if (tag === 'textarea') return { attributes, inner: `<textarea ${common}>${escapeText(value)}</textarea>` };
  const type = truthy(templateAttr(element, 'password')) ? 'password' : 'text';
  const numeric = ['number', 'digit', 'idcard'].includes(text(templateAttr(element, 'type'))) ? ' inputmode="decimal"' : '';
  return { attributes, inner: `<input ${common} type="${type}"${numeric} value="${escapeAttribute(value)}">` };
}

function swiper(element: Element): BuiltinMarkup {
  const attributes: Record<string, string> = { 'data-current': String(Number(templateAttr(element, 'current')) || 0) };
  if (truthy(templateAttr(element, 'vertical'))) attributes['data-vertical'] = '';
  return { attributes };
}

/** A swiper item is shifted so that the swiper's current item fills the swiper. */
function swiperItem(element: Element): BuiltinMarkup {
  const parent = element.parentElement;
  if (!parent || parent.tagName.toLowerCase() !== 'wx-swiper') return { attributes: {} };
  const current = Number(templateAttr(parent, 'current')) || 0;
  const axis = truthy(templateAttr(parent, 'vertical')) ? 'Y' : 'X';
  return { attributes: {}, style: `transform: translate${axis}(${-current * 100}%)` };
}

function scrollView(element: Element): BuiltinMarkup {
  const attributes: Record<string, string> = {};
  if (truthy(templateAttr(element, 'scroll-x'))) attributes['data-scroll-x'] = '';
  if (truthy(templateAttr(element, 'scroll-y'))) attributes['data-scroll-y'] = '';
  return { attributes };
}

function button(element: Element): BuiltinMarkup {
  const attributes: Record<string, string> = {};
  const type = text(templateAttr(element, 'type'));
  const size = text(templateAttr(element, 'size'));
  if (type) attributes['data-type'] = type;
  if (size) attributes['data-size'] = size;
  if (truthy(templateAttr(element, 'plain'))) attributes['data-plain'] = '';
  if (truthy(templateAttr(element, 'disabled'))) attributes['data-disabled'] = '';
  return { attributes };
}

const UNSAFE_TAGS = 'script, style, iframe, object, embed, link, meta, base, form';

/** `<rich-text nodes>`: an HTML string or WeChat's node array, without scripts or handlers. */
function richText(element: Element, context: BuiltinContext): BuiltinMarkup {
  const nodes = templateAttr(element, 'nodes');
  const template = document.createElement('template');
  template.innerHTML = typeof nodes === 'string' ? nodes : Array.isArray(nodes) ? nodes.map(nodeToHtml).join('') : '';
  template.content.querySelectorAll(UNSAFE_TAGS).forEach((unsafe) => unsafe.remove());
  template.content.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
    const src = el.getAttribute('src');
    if (src) el.setAttribute('src', context.assetUrl(src));
  });
  return { attributes: {}, inner: template.innerHTML };
}

interface RichTextNode {
  type?: string;
  text?: string;
  name?: string;
  attrs?: Record<string, string>;
  children?: RichTextNode[];
}

function nodeToHtml(node: RichTextNode): string {
  if (node.type === 'text') return escapeText(node.text ?? '');
  const name = (node.name ?? 'div').replace(/[^a-z0-9-]/gi, '');
  const attrs = Object.entries(node.attrs ?? {})
    .map(([key, value]) => ` ${key.replace(/[^a-z0-9-]/gi, '')}="${escapeAttribute(String(value))}"`)
    .join('');
  return `<${name}${attrs}>${(node.children ?? []).map(nodeToHtml).join('')}</${name}>`;
}

const ICON_BASE = 't-icon-base';

/**
 * TDesign's `<label class="t-icon-<name> t-icon-base">`. simulate prefixes class names with the
 * component's tag (`t-icon--t-icon-search`), so the prefix is read off the `t-icon-base` class.
 */
function tdesignIcon(element: Element, context: BuiltinContext): BuiltinMarkup | null {
  const classes = [...element.classList];
  const base = classes.find((name) => name.endsWith(ICON_BASE));
  if (base === undefined) return null;
  const prefix = `${base.slice(0, -ICON_BASE.length)}t-icon-`;
  const name = classes.find((cls) => cls !== base && cls.startsWith(prefix))?.slice(prefix.length);
  if (!name) return null;
  const svg = iconSvg(name);
  if (svg) return { attributes: {}, inner: svg };
  if (!isTDesignIcon(name, MINIPROGRAM_ROOT)) {
    context.problem(`<t-icon name="${name}">: TDesign has no such icon (it draws nothing)`);
    return { attributes: {}, inner: '' };
  }
  // A glyph of the font that tdesign-icons-svg lacks: a dashed square (a preview limitation).
  return { attributes: {}, inner: MISSING_SVG };
}

const MISSING_SVG =
  '<svg class="pv-icon" viewBox="0 0 24 24"><rect x="4" y="4" width="16" height="16" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 2"/></svg>';

/** The markup to add for a built-in element, or null when it needs none. */
export function builtinMarkup(element: Element, id: number, context: BuiltinContext): BuiltinMarkup | null {
  switch (element.tagName.toLowerCase()) {
    case 'wx-image':
      return image(element, context);
    case 'wx-input':
      return field(element, 'input', id);
    case 'wx-textarea':
      return field(element, 'textarea', id);
    case 'wx-swiper':
      return swiper(element);
    case 'wx-swiper-item':
      return swiperItem(element);
    case 'wx-scroll-view':
      return scrollView(element);
    case 'wx-button':
      return button(element);
    case 'wx-rich-text':
      return richText(element, context);
    case 'wx-label':
      return tdesignIcon(element, context);
    default:
      return null;
  }
}
