/** Draws phone documents (page-document.ts) in Chromium: 375x667 CSS pixels at device scale 2. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HIDDEN_CONTENT_SCRIPT } from './hidden-content';

export const VIEWPORT = { width: 375, height: 667 };
export const DEVICE_SCALE_FACTOR = 2;

/** Requests a screenshot may make: inline data and the local emulator; nothing from the internet. */
function allowed(url: string): boolean {
  return /^(data:|about:|blob:)/.test(url) || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);
}

export class Camera {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<Camera> {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, reducedMotion: 'reduce', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
    return new Camera(context, page);
  }

  /**
   * A PNG of the document once it, its frame, their images and fonts have loaded, and what a
   * shopper could not see in it: content hidden for good under a fixed or sticky bar of the page.
   */
  async shoot(html: string): Promise<{ png: Buffer; hidden: string[] }> {
    await this.page.setContent(html, { waitUntil: 'load' });
    for (const frame of this.page.frames()) await frame.evaluate('document.fonts.ready.then(() => true)');
    const hidden: string[] = [];
    for (const frame of this.page.frames()) if (frame !== this.page.mainFrame()) hidden.push(...((await frame.evaluate(HIDDEN_CONTENT_SCRIPT)) as string[]));
    return { png: await this.page.screenshot({ animations: 'disabled', caret: 'hide', type: 'png' }), hidden };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
