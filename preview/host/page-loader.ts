/**
 * Loads pages into miniprogram-simulate the way the page tests do (test/miniprogram/support/
 * load-page.ts: same root, official compiler, TDesign override map, compiled-WXML cache), once
 * per route per host, and renders as many instances as the page stack needs. Also assembles the
 * CSS a rendered page needs: app.wxss plus the WXSS of the page and its components.
 */
import path from 'path';
import { npmComponentOverrides } from '../../test/miniprogram/support/npm-components';
import { builtinTagSelectors, dropRemoteFontFaces, rewriteSelectors } from '../css-selectors';
import { MINIPROGRAM_ROOT } from '../paths';
import { packageDir } from '../resolve';
import { rpxToPx } from '../rpx';
import type { HostRoot } from './sim-types';

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): HostRoot | undefined;
}

interface SimulateWxss {
  getContent(file: string): string;
  compile(wxss: string, options: { prefix: string }): string;
}

/** Same options as the page tests (load-page.ts). */
const LOAD_OPTIONS = {
  rootPath: MINIPROGRAM_ROOT,
  compiler: 'official',
  compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
};

/** simulate names a page's host tag (and its class prefix) `main`. */
const PAGE_CLASS_PREFIX = 'main';

export class PageLoader {
  private readonly simulate: Simulate = require('miniprogram-simulate');
  private readonly ids = new Map<string, string>();
  private readonly cssByRoute = new Map<string, string>();
  private appCss: string | null = null;

  /** Renders a new instance of `route` (not yet attached). */
  render(route: string): HostRoot {
    const id = this.load(route);
    const root = this.simulate.render(id);
    if (!root) throw new Error(`miniprogram-simulate registered nothing for ${route}: does its .ts call Component()?`);
    if (!this.cssByRoute.has(route)) this.cssByRoute.set(route, this.assembleCss(id));
    return root;
  }

  /** The CSS of a rendered route: built-in tag selectors aimed at `wx-*`, no remote fonts. */
  css(route: string): string {
    const css = this.cssByRoute.get(route);
    if (css === undefined) throw new Error(`${route} was never rendered`);
    return css;
  }

  private load(route: string): string {
    const known = this.ids.get(route);
    if (known) return known;
    const componentPath = path.join(MINIPROGRAM_ROOT, route);
    const usingComponents = npmComponentOverrides(MINIPROGRAM_ROOT, componentPath);
    const id = this.simulate.load(componentPath, { ...LOAD_OPTIONS, usingComponents });
    this.ids.set(route, id);
    return id;
  }

  private assembleCss(id: string): string {
    // simulate.render put the page's compiled WXSS (rpx already converted) in <style id=...>.
    const style = document.getElementById(id);
    const componentCss = style?.textContent ?? '';
    return dropRemoteFontFaces(rewriteSelectors(this.applicationCss() + componentCss, builtinTagSelectors));
  }

  /** app.wxss applies to pages (not to components), whose classes simulate prefixes `main--`. */
  private applicationCss(): string {
    if (this.appCss === null) {
      const wxss = require(path.join(packageDir('miniprogram-simulate'), 'src/wxss')) as SimulateWxss;
      const source = wxss.getContent(path.join(MINIPROGRAM_ROOT, 'app.wxss'));
      this.appCss = rpxToPx(wxss.compile(source, { prefix: PAGE_CLASS_PREFIX }));
    }
    return this.appCss;
  }
}
