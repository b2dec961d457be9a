/**
 * The documents a browser draws: the page on its own (what goes in the phone's frame) and, for
 * screenshots, the whole phone with the page inlined in its frame.
 */
import fs from 'fs';
import path from 'path';
import type { TabBarConfig } from './app-config';
import { BUILTIN_CSS, DETERMINISTIC_CSS, INTERACTIVE_CSS } from './base-css';
import { PHONE_CSS } from './chrome/styles';
import { phoneHtml, renderChrome } from './chrome/render';
import { MINIPROGRAM_ROOT } from './paths';
import type { Snapshot } from './protocol';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Keeps `</style>` in page CSS from ending the style element. */
const styleText = (css: string) => css.replace(/<\/style/gi, '<\\/style');

export interface PageDocumentOptions {
  /** The page's CSS (app.wxss and WXSS of the page and its components). */
  css: string;
  /** The serialised page (`<page>...</page>`). */
  html: string;
  /** Screenshots: no animations or caret, fixed fonts, masks drawn. */
  deterministic: boolean;
  /** Extra markup for the end of `<head>` (the live preview's frame script). */
  head?: string;
}

export function pageDocument(options: PageDocumentOptions): string {
  const extra = options.deterministic ? DETERMINISTIC_CSS : INTERACTIVE_CSS;
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=375">
<style>${styleText(BUILTIN_CSS)}</style><style>${styleText(options.css)}</style><style>${styleText(extra)}</style>${options.head ?? ''}</head>
<body>${options.html}</body></html>`;
}

/** A package image (tab bar icon) inlined as a data URL. */
export function inlinePackageAsset(assetPath: string): string {
  const file = path.join(MINIPROGRAM_ROOT, assetPath.replace(/^\/+/, ''));
  if (!file.startsWith(MINIPROGRAM_ROOT) || !fs.existsSync(file)) return '';
  const type = path.extname(file) === '.svg' ? 'image/svg+xml' : `image/${path.extname(file).slice(1)}`;
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
}

/** A screenshot: the phone with bars, the page inlined in its frame, overlays. */
export function phoneDocument(snapshot: Snapshot, css: string, tabBar: TabBarConfig | null): string {
  const page = snapshot.page;
  const frameDocument = pageDocument({ css, html: page?.html ?? '', deterministic: true });
  const frame = `<iframe class="pv-frame" title="page" srcdoc="${escapeAttribute(frameDocument)}"></iframe>`;
  const parts = renderChrome({ snapshot, tabBar, packageAsset: inlinePackageAsset });
  return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;}${styleText(PHONE_CSS)}${styleText(DETERMINISTIC_CSS)}</style></head>
<body>${phoneHtml(parts, frame)}</body></html>`;
}
