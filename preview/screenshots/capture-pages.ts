/**
 * Renders every page of app.json with the demo data of a running emulator: each page is opened
 * in one page host (as its scenario says), checked (TDesign tags resolved, no error or blank
 * state, no page errors), and drawn in Chromium inside the WeChat window, where nothing may be
 * hidden for good under a fixed or sticky bar (hidden-content.ts).
 */
import { pageUrl, readAppConfig } from '../app-config';
import { phoneDocument } from '../page-document';
import { PageHost } from '../page-host';
import type { OpenResult } from '../protocol';
import type { Mall } from '../../test/support/mall';
import { Camera } from './capture';
import { launchChromium } from './chromium';
import { DEFAULT_IDENTITY, literal, SCENARIOS, type PreparedPage } from './scenarios';

export interface PageShot {
  route: string;
  url: string;
  /** File name of the PNG: the route with `/` as `__`. */
  file: string;
  png: Buffer | null;
  status: string | null;
  /** Empty when the page is fit to show. */
  problems: string[];
  ms: number;
}

export interface CaptureOptions {
  mall: Mall;
  /** Only these routes (default: all of app.json). */
  routes?: string[];
  onShot?: (shot: PageShot) => void;
}

export const shotFileName = (route: string) => `${route.replace(/\//g, '__')}.png`;

/** Scenario entries for routes that app.json does not list (yet). */
export function unusedScenarios(): string[] {
  const routes = new Set(readAppConfig().routes);
  return Object.keys(SCENARIOS).filter((route) => !routes.has(route));
}

export async function capturePages(options: CaptureOptions): Promise<PageShot[]> {
  const app = readAppConfig();
  const unknown = (options.routes ?? []).filter((route) => !app.routes.includes(route));
  if (unknown.length) throw new Error(`not pages of app.json: ${unknown.join(', ')}`);
  const routes = options.routes ?? app.routes;
  const host = await PageHost.start({ emulatorUrl: options.mall.emu.url, identity: DEFAULT_IDENTITY });
  const browser = await launchChromium();
  const shots: PageShot[] = [];
  try {
    const camera = await Camera.open(browser);
    for (const route of routes) {
      const started = Date.now();
      const failed = (url: string, problem: string) => {
        const shot = { route, url, file: shotFileName(route), png: null, status: null, problems: [problem], ms: Date.now() - started };
        shots.push(shot);
        options.onShot?.(shot);
      };
      const scenario = SCENARIOS[route] ?? {};
      const identity = scenario.identity ?? DEFAULT_IDENTITY;
      let prepared: PreparedPage;
      try {
        prepared = (await scenario.prepare?.(options.mall, options.mall.as(identity))) ?? {};
      } catch (error) {
        failed(`/${route}`, `preparing its data failed: ${(error as Error).message}`);
        continue;
      }
      const url = pageUrl(route, prepared.query);
      let result: OpenResult;
      try {
        result = await host.call('open', {
          url,
          identity,
          ...(prepared.storage ? { storage: prepared.storage } : {}),
          ...(prepared.now === undefined ? {} : { now: prepared.now }),
          // The emulator's address (a free port) shows on the dev menu.
          masks: { selectors: scenario.masks ?? [], text: [literal(options.mall.emu.url), ...(prepared.maskText ?? [])] },
        });
      } catch (error) {
        failed(url, `could not render: ${(error as Error).message}`);
        continue;
      }
      const problems = [...result.problems];
      if (scenario.expectStatus && result.status !== scenario.expectStatus) problems.push(`status is ${result.status}, expected ${scenario.expectStatus}`);
      const { png, hidden } = await camera.shoot(phoneDocument(result.snapshot, result.css, app.tabBar));
      problems.push(...hidden);
      const shot = { route, url, file: shotFileName(route), png, status: result.status, problems, ms: Date.now() - started };
      shots.push(shot);
      options.onShot?.(shot);
    }
    await camera.close();
  } finally {
    await browser.close();
    await host.close();
  }
  return shots;
}
